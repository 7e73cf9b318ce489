import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Appointment, StoreInfo } from '../../../services/booking';
import { callStore, navigateToStore } from '../../../services/store-contact';
import { CodeQr } from '../../../components/CodeQr';
import './VisitDesk.scss';

/**
 * What a customer needs at the door for one upcoming visit: the check-in QR the front desk scans
 * (the booking code), the store's address with 导航 and 一键拨号, and the store's visit notes.
 * The QR is open for the next visit and one tap away for later ones.
 */
export function VisitDesk({ booking, store, open }: { booking: Appointment; store?: StoreInfo; open: boolean }) {
  const [showQr, setShowQr] = useState(open);
  const code = booking.bookingCode ?? booking.id;
  return (
    <View className="visit-desk" data-testid={`visit-desk-${booking.id}`}>
      {showQr ? (
        <View className="visit-desk__qr" data-testid="visit-qr">
          <CodeQr text={code} size={150} testId="visit-qr-image" />
          <Text className="visit-desk__code">预约码 {code}</Text>
          <Text className="muted visit-desk__hint">到院后向前台出示此码签到</Text>
        </View>
      ) : (
        <View
          className="visit-desk__show"
          hoverClass="btn--pressed"
          data-testid="visit-qr-show"
          onClick={() => setShowQr(true)}
        >
          <Text>出示到院签到码</Text>
        </View>
      )}
      {store ? (
        <View className="visit-desk__store">
          <Text className="visit-desk__address" data-testid="visit-address">
            {store.address}
          </Text>
          <View className="visit-desk__actions">
            {store.location ? (
              <View
                className="btn btn--ghost btn--small visit-desk__action"
                hoverClass="btn--pressed"
                data-testid="visit-navigate"
                onClick={() => navigateToStore(store)}
              >
                导航到店
              </View>
            ) : null}
            {store.phone ? (
              <View
                className="btn btn--ghost btn--small visit-desk__action"
                hoverClass="btn--pressed"
                data-testid="visit-call"
                onClick={() => callStore(store)}
              >
                致电门店
              </View>
            ) : null}
          </View>
          {store.visitNotes.length > 0 ? (
            <View className="visit-desk__notes" data-testid="visit-notes">
              <Text className="visit-desk__notes-title">到院须知</Text>
              {store.visitNotes.map((note) => (
                <Text key={note} className="visit-desk__note">
                  · {note}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
