import { FrameSizeGuard } from './frame-size-guard';

describe('FrameSizeGuard', () => {
  it('resets at every blank line, CRLF or bare LF', () => {
    const guard = new FrameSizeGuard(12);
    expect(guard.accept('A: 1234\r\n\r\n')).toBe(true);
    expect(guard.accept('B: 12345\n\n')).toBe(true);
    expect(guard.accept('C: 12345678')).toBe(true);
    expect(guard.accept('9\r\n\r\nD: 1')).toBe(true);
  });

  it('sees a blank line split across chunks', () => {
    const guard = new FrameSizeGuard(12);
    expect(guard.accept('A: 123456\r\n\r')).toBe(true);
    expect(guard.accept('\nB: 123456')).toBe(true); // only 9 chars since the frame end
    const split = new FrameSizeGuard(12);
    expect(split.accept('A: 1234567\n')).toBe(true);
    expect(split.accept('\n')).toBe(true);
    expect(split.accept('B: 1234567')).toBe(true);
  });

  it('refuses once an open frame passes the cap, however it is chunked', () => {
    const guard = new FrameSizeGuard(10);
    expect(guard.accept('Event: X\r\n')).toBe(true);
    expect(guard.accept('A')).toBe(false);
    const lines = new FrameSizeGuard(10);
    expect(lines.accept('a\r\nb\r\nc\r\nd\r\n')).toBe(false);
  });
});
