/**
 * Splits a growing NDJSON text into its complete lines, each once. XHR only gives the whole
 * response text so far, so the reader remembers where the last complete line ended; a line
 * still being received waits for its newline (or for `final`, at the end of the answer).
 */
export function createLineReader(): (text: string, final?: boolean) => string[] {
  let offset = 0;
  return (text, final = false) => {
    const end = final ? text.length : text.lastIndexOf('\n') + 1;
    if (end <= offset) return [];
    const chunk = text.slice(offset, end);
    offset = end;
    return chunk.split('\n').filter((line) => line.trim() !== '');
  };
}
