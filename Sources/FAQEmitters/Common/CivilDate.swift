/// UTC calendar dates from seconds since 1970, by hand (Howard Hinnant's `civil_from_days`
/// and `days_from_civil`): no calendar, time zone or locale can change an output's bytes.
/// Shared by the man page's `.TH` date and the EPUB's `dcterms:modified`.
enum CivilDate {
    /// Timestamps are clamped to years 0001…9999, the range both formats can write (and no
    /// arithmetic below can overflow).
    static let range: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// Year, month, day and the seconds into that day.
    static func components(_ seconds: Int64) -> (year: Int64, month: Int64, day: Int64, secondOfDay: Int64) {
        let s = min(max(seconds, range.lowerBound), range.upperBound)
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let (y, m, d) = civil(days)
        return (y, m, d, s - days * 86_400)
    }

    /// `YYYY-MM-DD`.
    static func date(_ seconds: Int64) -> String {
        let c = components(seconds)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// `YYYY-MM-DDThh:mm:ssZ`.
    static func dateTime(_ seconds: Int64) -> String {
        let c = components(seconds)
        let t = c.secondOfDay
        return "\(date(seconds))T\(pad(t / 3600, 2)):\(pad(t % 3600 / 60, 2)):\(pad(t % 60, 2))Z"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
