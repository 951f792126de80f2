/** The selection as plain text, for « Envoyer par SMS » and « Envoyer par e-mail » (the device's own apps). */
export interface Line {
  name: string;
  next?: string;
  phone?: string;
  url: string;
}

export function plainText(lines: Line[], shareUrl: string): string {
  const items = lines.map((l, i) =>
    [`${i + 1}. ${l.name}`, l.next && `   ${l.next}`, l.phone && `   Tél. ${l.phone}`, `   ${l.url}`].filter(Boolean).join('\n'),
  );
  return [`Ma sélection (Carte du lien) :`, ...items, '', `Toute la sélection : ${shareUrl}`].join('\n');
}

/** sms: with a body works on Android (?body=) and iOS (&body=) alike when written "sms:?&body=". */
export const smsHref = (text: string) => `sms:?&body=${encodeURIComponent(text)}`;
export const mailHref = (subject: string, text: string) => `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`;
