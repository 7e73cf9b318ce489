import * as z from 'zod/mini';
import '../locale';

/**
 * What the invitation shows a friend so that they can trust the clinic before booking: its licence
 * (医疗机构执业许可证) and its doctors. Empty by default — nothing is shown until the clinic fills it
 * in; the store photos and addresses live on the stores.
 */
const text = (max: number) => z._default(z.string().check(z.maxLength(max)), '');

export const doctorSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(20)),
  /** 主任医师, 副主任医师, 主治医师 … */
  title: text(20),
  /** 医师执业证书编码. */
  licenceNumber: text(30),
  /** One line: 眼鼻整形、面部轮廓. */
  specialties: text(60),
  /** A portrait in cloud storage (fileID). */
  photoFileId: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
});
export type Doctor = z.output<typeof doctorSchema>;

export const clinicProfileSchema = z.strictObject({
  /** The name on the licence (the legal institution), e.g. 昆明悦美医疗美容门诊部. */
  institutionName: text(60),
  /** 医疗机构执业许可证登记号. */
  licenceNumber: text(40),
  doctors: z._default(z.array(doctorSchema).check(z.maxLength(8)), []),
});
export type ClinicProfile = z.output<typeof clinicProfileSchema>;
