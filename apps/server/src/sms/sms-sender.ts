import type { FastifyBaseLogger } from 'fastify';

export type SmsMessage = { phone: string; text: string; purpose: 'otp' | 'notice' };

/** SMS goes through a provider behind this interface (Aliyun, Tencent Cloud …) chosen by configuration. */
export type SmsSender = { send(message: SmsMessage): Promise<void> };

/** Development sink: writes the message, code included, to the log instead of sending it. */
export function logSmsSender(log: FastifyBaseLogger | { info(object: object, message: string): void }): SmsSender {
  return {
    async send(message) {
      log.info({ sms: message }, `SMS to ${message.phone}: ${message.text}`);
    },
  };
}

/** Test sink: keeps every message so a test can read the code an owner would have received. */
export function memorySmsSender(): SmsSender & { sent: SmsMessage[] } {
  const sent: SmsMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
  };
}
