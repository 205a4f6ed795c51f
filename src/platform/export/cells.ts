// The one way a text reaches a spreadsheet, CSV or XLSX. A cell that begins with = + - @ (or a
// tab or carriage return) would be read as a formula by Excel and LibreOffice (OWASP, "CSV
// Injection"), so such a text gets a leading apostrophe — except a plain number such as -2 or
// -0,5, which is data and stays a number.
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^-?\d+(?:[.,]\d+)?$/;

/** A text as a spreadsheet cell gets it: neutralised when it could start a formula. */
export function spreadsheetText(value: string): string {
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}

/** A semicolon-separated CSV field: neutralised as above and then quoted (as OWASP advises), else quoted when it holds ; " or a line break. */
export function csvField(value: string): string {
  const text = spreadsheetText(value);
  return text !== value || /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document as Excel opens it in Finland: UTF-8 with a BOM, semicolons, CRLF. */
export function csvDocument(lines: readonly string[]): string {
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
