import FAQModel

/// Page-level facts for the man emitter: names, dates, link kinds.
extension ManPage {
    static func hasVisibleContent(_ inlines: [Inline]) -> Bool {
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s):
                if s.unicodeScalars.contains(where: isVisible) { return true }
            case .emphasis(let c), .strong(let c), .strikethrough(let c):
                if hasVisibleContent(c) { return true }
            case .link(let link):
                // A link of nothing visible is written as its web or mail address.
                if hasVisibleContent(link.content) || ManLinkTarget(link.url).address != nil { return true }
            case .image(let image):
                if image.label.unicodeScalars.contains(where: isVisible) { return true }
            case .lineBreak, .softBreak: break
            }
        }
        return false
    }

    /// Text only: no font change or nested link that writing it as a URL would lose.
    static func isPlain(_ inlines: [Inline]) -> Bool {
        inlines.allSatisfy { if case .text = $0 { return true } else { return false } }
    }

    /// Whether `block` puts anything on the page: a quote of nothing visible would be an
    /// empty `.RS` block and a table without columns an empty paragraph (mandoc warns of both).
    /// A rule alone shows nothing worth a block of its own.
    static func showsContent(_ block: Block) -> Bool {
        switch block {
        case .paragraph(let p): return hasVisibleContent(p.content)
        case .heading(let h): return hasVisibleContent(h.content)
        case .list(let list): return !list.items.isEmpty
        case .code: return true
        case .quote(let quote): return quote.content.contains(where: showsContent)
        case .table(let table): return !table.header.isEmpty || table.rows.contains { !$0.isEmpty }
        case .thematicBreak: return false
        }
    }

    static func hasTable(_ document: FAQDocument) -> Bool {
        func any(_ blocks: [Block]) -> Bool {
            blocks.contains { block in
                switch block {
                case .table: return true
                case .list(let list): return list.items.contains { any($0.content) }
                case .quote(let quote): return any(quote.content)
                case .paragraph, .heading, .code, .thematicBreak: return false
                }
            }
        }
        if any(document.preamble) { return true }
        switch document.body {
        case .entries(let entries): return entries.contains { any($0.answer) }
        case .sections(let sections): return sections.contains { any($0.intro) || $0.entries.contains { any($0.answer) } }
        }
    }

    /// `man_name`, else a slug of the title, else `faq`.
    static func pageName(_ metadata: Metadata) -> String {
        // Controls are dropped by the escaper; a name made of nothing else falls back to the title.
        let visible = (metadata.extra["man_name"] ?? "").unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
        // lexgrog reads the NAME line's first word up to ` \-`: a name must be one word that
        // does not start like an option.
        let word = oneLine(String(String.UnicodeScalarView(visible))).split(whereSeparator: \.isWhitespace).joined(separator: "-")
        if let name = ManPage.nonEmpty(String(word.drop { $0 == "-" })) { return name }
        var slug = ""
        var dash = false
        for scalar in (metadata.title ?? "").unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash, !slug.isEmpty { slug += "-" }
                dash = false
                slug.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
            } else {
                dash = true
            }
        }
        return slug.isEmpty ? "faq" : slug
    }

    static func asciiUppercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32)! : scalar
        }))
    }

    /// Whitespace runs (newlines included) as single spaces, trimmed.
    static func oneLine(_ text: String) -> String {
        // ASCII (every question of most FAQs) is collapsed on bytes; the rest by Character.
        if let ascii = asciiOneLine(text) { return ascii }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `oneLine` for ASCII text (nil for anything else); `text` itself when already one line.
    private static func asciiOneLine(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            var clean = true
            var previousSpace = true  // a leading space is dropped
            for byte in utf8 {
                if byte >= 0x80 { return nil }
                let space = byte == 0x20 || (0x09...0x0D).contains(byte)
                if space && (previousSpace || byte != 0x20) { clean = false }
                previousSpace = space
            }
            if clean && (!previousSpace || utf8.isEmpty) { return String(decoding: utf8, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            var pendingSpace = false
            for byte in utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `YYYY-MM-DD` from the front matter's date (a date or a timestamp), else from `timestamp`.
    static func date(_ written: String?, timestamp: Int64) -> String {
        // A valid start is ten bytes of digits and `-`: safe as the verbatim `.TH` argument.
        if let written = written?.manTrimmed, CalendarDate.startsValid(written) {
            return String(decoding: written.utf8.prefix(10), as: UTF8.self)
        }
        return civilDate(timestamp)
    }

    static func civilDate(_ timestamp: Int64) -> String { CivilDate.date(timestamp) }
}

/// What a link becomes in a man page.
enum ManLinkTarget: Equatable {
    /// An absolute URL with a scheme worth following: `.UR`/`.UE`.
    case web(String)
    /// A `mailto:` address: `.MT`/`.ME`.
    case mail(String)
    /// Relative and `#anchor` links: their text.
    case textOnly
    /// `javascript:`, `data:`, `vbscript:` and other schemes: their text, with a diagnostic.
    case unsafe

    /// The address a reader can follow (`.UR` URL or `.MT` address), nil for text-only targets.
    var address: String? {
        switch self {
        case .web(let address), .mail(let address): return address
        case .textOnly, .unsafe: return nil
        }
    }

    static let webSchemes: Set<String> = ["http", "https", "ftp", "ftps", "sftp", "gopher", "irc", "ircs", "news", "nntp"]

    init(_ url: String) {
        let url = url.manTrimmed
        guard let lower = LinkPolicy.scheme(of: url), let colon = url.firstIndex(of: ":") else {
            self = .textOnly  // `./a:b`, `#x:y`: a path, not a scheme
            return
        }
        if lower == "mailto" {
            let address = url[url.index(after: colon)...].prefix { $0 != "?" }
            self = address.isEmpty ? .textOnly : .mail(String(address))
        } else if Self.webSchemes.contains(lower), url.count > lower.count + 1 {
            self = .web(url)
        } else {
            self = .unsafe
        }
    }
}

extension ManPage {
    /// The section: front matter `man_section`, else `--man-section`, else 7. Only a real
    /// section name counts (`1`, `3p`, `8`: a digit, then up to 7 lower-case letters or digits),
    /// so the `.TH` line and the file name `NAME.SECTION` always agree and are safe.
    static func section(_ metadata: Metadata, options: EmitOptions) -> String {
        for candidate in [metadata.extra["man_section"], options.manSection] {
            if let value = candidate?.trimmingCharacters(in: .whitespaces), isSectionName(value) { return value }
        }
        return "7"
    }

    static func isSectionName(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, ("1"..."9").contains(first), value.unicodeScalars.count <= 8 else { return false }
        return value.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."z").contains($0) }
    }

    /// A scalar the escaper writes and a reader sees: not white space, not a control
    /// (C0, DEL and C1 are dropped).
    static func isVisible(_ s: Unicode.Scalar) -> Bool {
        s.value > 0x20 && !(0x7F...0x9F).contains(s.value) && !s.properties.isWhitespace
    }

    /// `value` when the escaper would write something visible of it; nil for a missing or
    /// blank front-matter value.
    static func nonEmpty(_ value: String?) -> String? {
        guard let value, value.unicodeScalars.contains(where: isVisible) else { return nil }
        return value
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace.
    fileprivate var manTrimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}

extension ManPage {
    static func trimmed<S: StringProtocol>(_ text: S) -> String { text.manTrimmed }
}
