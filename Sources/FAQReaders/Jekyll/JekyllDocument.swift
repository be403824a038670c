import Foundation

/// URLs of collection documents, posts first (`Jekyll::Document`, `Drops::UrlDrop`): the
/// collection's `permalink` (for posts, the site's style), else `/:collection/:path` with the
/// style's suffix; a document's own `permalink` wins. Dates come from the post's name
/// (`2020-01-02-name.md`), or its front matter `date`.
extension JekyllSite {
    /// `parts`: the path from the site root; `collectionIndex`: where the `_label` folder is.
    func documentURL(parts: [String], collectionIndex: Int, label: String, data: JekyllFileData) -> String? {
        let name = parts[parts.count - 1]
        let isPost = label == "posts"
        // `YYYY-MM-DD-slug.ext`: a post's name must carry its date.
        var filenameDate: CivilDateTime?
        var slug: String
        let (basename, outputExt) = Self.split(name)
        if let match = Self.datedName(name) {
            filenameDate = match.date
            slug = match.slug
        } else {
            guard !isPost else { return nil }
            slug = basename
        }
        slug = data.slug ?? slug
        let date = data.date.flatMap(CivilDateTime.init) ?? filenameDate ?? CivilDateTime(year: 1970, month: 1, day: 1)
        // Folders above `_posts` are categories (`blog/_posts/…` → `blog`), then the front matter's.
        var categories: [String] = []
        for category in (isPost ? Array(parts[..<collectionIndex]) : []) + data.categories where !categories.contains(category) {
            categories.append(category)
        }
        let relative = parts.joined(separator: "/")
        var cleaned = String(relative.dropLast(name.count - basename.count))
        if let range = cleaned.range(of: "_" + label) { cleaned.removeSubrange(range) }
        var values: [String: String] = [
            "collection": label, "path": cleaned, "output_ext": outputExt,
            "name": JekyllURL.slugify(basename, pretty: false),
            "title": JekyllURL.slugify(slug, pretty: true, cased: true),
            "slug": JekyllURL.slugify(slug, pretty: false),
            "categories": Self.unique(categories.map { $0.lowercased() }).joined(separator: "/"),
            "slugified_categories": Self.unique(categories.map { JekyllURL.slugify($0, pretty: false) }).joined(separator: "/"),
        ]
        values.merge(date.placeholders) { own, _ in own }
        let template: String
        if let own = collections[label] ?? nil {
            template = own
        } else if isPost {
            template = JekyllURL.template(forStyle: permalink)
        } else {
            template = JekyllURL.withSuffix("/:collection/:path", style: permalink)
        }
        return JekyllURL.expand(data.permalink ?? template, documentPlaceholders: values)
    }

    /// `2020-01-02-name.md` → the date and `name` (Jekyll's `DATE_FILENAME_MATCHER`).
    static func datedName(_ name: String) -> (date: CivilDateTime, slug: String)? {
        let fields = name.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, let dot = fields[3].lastIndex(of: "."), dot != fields[3].startIndex,
              let date = CivilDateTime(fields[0...2].joined(separator: "-")),
              (2...4).contains(fields[0].count), (1...2).contains(fields[1].count), (1...2).contains(fields[2].count)
        else { return nil }
        return (date, String(fields[3][..<dot]))
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}

/// A date and time of day as a post's name or `date` gives it (the zone is not applied).
struct CivilDateTime: Sendable {
    var year: Int, month: Int, day: Int
    var hour = 0, minute = 0, second = 0

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// `2020-01-02`, `2020-1-2`, `2020-01-02 10:30:00 +0100`, `2020-01-02T10:30`.
    init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        let dayPart = trimmed.prefix { $0 != " " && $0 != "T" && $0 != "t" }
        let ymd = dayPart.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard ymd.count == 3, let y = ymd[0], let m = ymd[1], let d = ymd[2], (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
        let rest = trimmed.dropFirst(dayPart.count).drop { $0 == " " || $0 == "T" || $0 == "t" }
        let hms = rest.prefix { $0.isNumber || $0 == ":" }.split(separator: ":").map { Int($0) ?? 0 }
        if hms.count >= 2 {
            hour = hms[0]
            minute = hms[1]
            second = hms.count > 2 ? hms[2] : 0
        }
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    private static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The date placeholders of `Drops::UrlDrop` (strftime `%Y`, `%m`, `%-m`, `%b`, `%B`,
    /// `%d`, `%-d`, `%j`, `%G`, `%V`, `%u`, `%a`, `%A`, `%H`, `%M`, `%S`, `%y`).
    var placeholders: [String: String] {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        let date = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        let dayOfYear = calendar.ordinality(of: .day, in: .year, for: date) ?? 1
        let weekday = (calendar.component(.weekday, from: date) + 5) % 7  // 0 = Monday
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func three(_ n: Int) -> String { String(repeating: "0", count: max(0, 3 - "\(n)".count)) + "\(n)" }
        return [
            "year": String(year), "short_year": two(year % 100), "month": two(month), "i_month": String(month),
            "short_month": String(Self.months[month - 1].prefix(3)), "long_month": Self.months[month - 1],
            "day": two(day), "i_day": String(day), "y_day": three(dayOfYear),
            "w_year": String(calendar.component(.yearForWeekOfYear, from: date)),
            "week": two(calendar.component(.weekOfYear, from: date)), "w_day": String(weekday + 1),
            "short_day": String(Self.weekdays[weekday].prefix(3)), "long_day": Self.weekdays[weekday],
            "hour": two(hour), "minute": two(minute), "second": two(second),
        ]
    }
}
