// Types of the vendored QR Code Generator 2.0.4 (qrcode.mjs beside this file), the part this site
// calls. With this file present, `tsc -p jsconfig.json` reads these types instead of checking
// the vendored code, which is kept exactly as released.

export type TypeNumber = number;
export type ErrorCorrectionLevel = "L" | "M" | "Q" | "H";
export type Mode = "Numeric" | "Alphanumeric" | "Byte" | "Kanji";

export interface QRCode {
  addData(data: string, mode?: Mode): void;
  make(): void;
  getModuleCount(): number;
  isDark(row: number, col: number): boolean;
}

export interface QRCodeFactory {
  (typeNumber: TypeNumber, errorCorrectionLevel: ErrorCorrectionLevel): QRCode;
  stringToBytes(s: string): number[];
}

export const qrcode: QRCodeFactory;
export default qrcode;
export const stringToBytes: (s: string) => number[];
