import FAQModel
import Foundation

/// The OPF package document (`EPUB/package.opf`) and `META-INF/container.xml`.
struct PackageDocument {
    struct Item {
        var id: String
        var href: String
        var mediaType: String
        var properties: String?
    }

    var identifier: String
    var title: String
    var languages: [String]
    var description: String?
    var subjects: [String]
    var creators: [String]
    var date: String?
    var modified: String
    var manifest: [Item]
    /// Manifest ids in reading order.
    var spine: [String]

    static let path = "EPUB/package.opf"

    static let accessibilitySummary = "This publication is text only. Every section and question is a heading, "
        + "the table of contents lists them all in reading order, and no content depends on colour, sound or images."

    var xml: [UInt8] {
        var out = XHTMLWriter()
        func element(_ tag: XHTMLTag, _ values: [String]) {
            for value in values { out.element(tag, text: value) }
        }
        func meta(_ property: String, _ value: String) {
            out.beginStartTag(.meta)
            out.attribute("property", property)
            out.endStartTag()
            out.text(value)
            out.close(.meta)
        }
        out.declaration(doctype: false)
        out.beginStartTag(.package)
        out.attribute("xmlns", "http://www.idpf.org/2007/opf")
        out.attribute("version", "3.0")
        out.attribute("unique-identifier", "pub-id")
        out.attribute("xml:lang", languages.first ?? "en")
        out.endStartTag()

        out.beginStartTag(.metadata)
        out.attribute("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        out.endStartTag()
        out.beginStartTag(.dcIdentifier)
        out.attribute("id", "pub-id")
        out.endStartTag()
        out.text(identifier)
        out.close(.dcIdentifier)
        out.element(.dcTitle, text: title)
        element(.dcLanguage, languages)
        element(.dcCreator, creators)
        if let description, !description.isEmpty { out.element(.dcDescription, text: description) }
        element(.dcSubject, subjects)
        if let date { out.element(.dcDate, text: date) }
        meta("dcterms:modified", modified)
        meta("schema:accessMode", "textual")
        meta("schema:accessModeSufficient", "textual")
        meta("schema:accessibilityFeature", "structuralNavigation")
        meta("schema:accessibilityFeature", "tableOfContents")
        meta("schema:accessibilityFeature", "readingOrder")
        // Claimed because they hold for every book: DPUB-ARIA roles on every section and the
        // toc; a stylesheet with relative sizes and no colours, so a reading system's fonts,
        // sizes and themes apply. Images are never embedded (links or their alt text
        // instead), so neither `alternativeText` nor a visual access mode is claimed.
        meta("schema:accessibilityFeature", "ARIA")
        meta("schema:accessibilityFeature", "displayTransformability")
        meta("schema:accessibilityHazard", "none")
        meta("schema:accessibilitySummary", Self.accessibilitySummary)
        out.close(.metadata)

        out.open(.manifest)
        for item in manifest {
            out.beginStartTag(.item)
            out.attribute("id", item.id)
            out.attribute("href", item.href)
            out.attribute("media-type", item.mediaType)
            if let p = item.properties { out.attribute("properties", p) }
            out.endEmptyElement()
        }
        out.close(.manifest)
        out.open(.spine)
        for id in spine {
            out.beginStartTag(.itemref)
            out.attribute("idref", id)
            out.endEmptyElement()
        }
        out.close(.spine)
        out.close(.package)
        out.endDocument()
        return out.bytes
    }

    static var containerXML: [UInt8] {
        var out = XHTMLWriter(capacity: 256)
        out.declaration(doctype: false)
        out.beginStartTag(.container)
        out.attribute("version", "1.0")
        out.attribute("xmlns", "urn:oasis:names:tc:opendocument:xmlns:container")
        out.endStartTag()
        out.open(.rootfiles)
        out.beginStartTag(.rootfile)
        out.attribute("full-path", path)
        out.attribute("media-type", "application/oebps-package+xml")
        out.endEmptyElement()
        out.close(.rootfiles)
        out.close(.container)
        out.endDocument()
        return out.bytes
    }
}

/// Dates for the OPF, computed by hand in UTC (no calendar, no time zone, no locale).
enum EPUBDate {
    /// `YYYY-MM-DDThh:mm:ssZ` from the first parseable front-matter date, else `timestamp`.
    static func modified(dates: [String?], timestamp: Int64) -> String {
        let parsed = dates.compactMap { $0.flatMap(parse) }
        return format(parsed.max() ?? timestamp)
    }

    /// `YYYY-MM-DD`, optionally followed by `T` or a space, `hh:mm[:ss]` and a zone
    /// (`Z`, `+hh:mm`, `+hhmm`, ` +hhmm`); seconds since 1970.
    static func parse(_ text: String) -> Int64? {
        guard CalendarDate.startsValid(text) else { return nil }
        let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        func number(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= s.count else { return nil }
            var v: Int64 = 0
            for b in s[from..<(from + count)] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                v = v * 10 + Int64(b - 0x30)
            }
            return v
        }
        // `startsValid` checked the shape and the calendar.
        guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
        var seconds = CivilDate.days(year: y, month: m, day: d) * 86_400
        guard s.count > 10, s[10] == 0x54 || s[10] == 0x20, let hh = number(11, 2), s.count > 13, s[13] == 0x3A, let mm = number(14, 2),
              hh < 24, mm < 60 else { return seconds }
        seconds += hh * 3600 + mm * 60
        var i = 16
        if i < s.count, s[i] == 0x3A, let ss = number(17, 2), ss < 61 { seconds += ss; i = 19 }
        while i < s.count, s[i] == 0x2E || (s[i] >= 0x30 && s[i] <= 0x39) || s[i] == 0x20 { i += 1 }
        if i < s.count, s[i] == 0x2B || s[i] == 0x2D, let zh = number(i + 1, 2) {
            var zm: Int64 = 0
            if let m2 = number(i + 3, 2) { zm = m2 } else if i + 3 < s.count, s[i + 3] == 0x3A, let m2 = number(i + 4, 2) { zm = m2 }
            let offset = (zh * 60 + zm) * 60
            seconds += s[i] == 0x2B ? -offset : offset
        }
        return seconds
    }

    static func format(_ seconds: Int64) -> String { CivilDate.dateTime(seconds) }
}
