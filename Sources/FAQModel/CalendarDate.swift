/// Whether a front-matter date begins with a real calendar date, `YYYY-MM-DD` (a time may
/// follow). Readers drop a date that does not, so every output either shows the written
/// date or none: the man page and the EPUB never disagree about `2024-13-45`.
public enum CalendarDate {
    public static func startsValid(_ text: String) -> Bool {
        let s = Array(text.utf8.drop { $0 == 0x20 || $0 == 0x09 }.prefix(11))
        guard s.count >= 10, s[4] == 0x2D, s[7] == 0x2D else { return false }
        if s.count == 11, (0x30...0x39).contains(s[10]) { return false }  // `2024-01-011`
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in s[range] {
                guard (0x30...0x39).contains(b) else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              year >= 1, (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
