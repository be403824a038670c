import FAQModel

/// man(7) for groff/man-db and mandoc, in the spirit of cmark-gfm's `src/man.c`: one
/// switch over node kinds, with every character from the document going through the one
/// escaper in `Roff` (see there) and every line through `RoffWriter`.
///
/// The page: `.TH`, `.SH NAME` (`name \- description`, plain for `lexgrog`),
/// `.SH DESCRIPTION` with the preamble, one `.SH` per section, one `.SS` per question
/// (a FAQ without sections keeps its questions under DESCRIPTION), `.SH SEE ALSO` from
/// the `see_also` front matter. Tables go through tbl (the page then starts `'\" t`).
public struct ManEmitter: Emitter {
    public init() {}

    public func emit(_ document: FAQDocument, options: EmitOptions) throws -> EmitResult {
        var page = ManPage(options: options)
        page.render(document)
        return EmitResult(.text(page.writer.finish()), diagnostics: page.diagnostics)
    }
}

struct ManPage {
    var writer: RoffWriter
    var diagnostics: [Diagnostic] = []
    let options: EmitOptions
    /// Right after `.SH`, `.SS`, `.IP` or `.RS`: the next paragraph needs no `.PP`.
    var afterHeading = false
    /// Where diagnostics point: the entry being written, when known.
    var location: SourceLocation?
    var reportedStrikethrough = false

    init(options: EmitOptions) {
        self.options = options
        writer = RoffWriter(asciiOnly: options.asciiOnly, capacity: 1 << 16)
    }

    // MARK: Page structure

    mutating func render(_ document: FAQDocument) {
        let metadata = document.metadata
        let name = Self.pageName(metadata)
        if Self.hasTable(document) { writer.trustedLine("'\\\" t") }
        if !options.asciiOnly { writer.trustedLine(".\\\" -*- coding: UTF-8 -*-") }
        let section = nonEmpty(metadata.extra["man_section"]) ?? nonEmpty(options.manSection) ?? "7"
        writer.request(
            "TH",
            arguments: [
                Self.asciiUppercased(name), section, Self.date(metadata.date, timestamp: options.timestamp),
                nonEmpty(metadata.extra["man_source"]) ?? "faqexport",
                nonEmpty(metadata.extra["man_manual"]) ?? nonEmpty(metadata.title) ?? "Frequently Asked Questions",
            ], verbatim: 2)

        writer.request("SH", "NAME")
        let description = Self.oneLine(
            nonEmpty(metadata.description) ?? nonEmpty(metadata.title) ?? "frequently asked questions")
        writer.text(name)
        writer.inlineEscape(" \\- ")
        writer.text(description)
        writer.endLine()

        let entriesOnly: [Entry]?
        switch document.body {
        case .entries(let entries): entriesOnly = entries
        case .sections: entriesOnly = nil
        }
        if !document.preamble.isEmpty || entriesOnly != nil || metadata.description != nil {
            heading("SH", "DESCRIPTION")
            if document.preamble.isEmpty, let text = nonEmpty(metadata.description) {
                paragraphBreak()
                writer.text(text)
                writer.endLine()
            }
            blocks(document.preamble)
        }
        switch document.body {
        case .entries(let entries):
            for entry in entries { self.entry(entry) }
        case .sections(let sections):
            for section in sections {
                location = section.location
                heading("SH", section.title.plainText)
                blocks(section.intro)
                for entry in section.entries { self.entry(entry) }
            }
        }
        if let seeAlso = nonEmpty(metadata.extra["see_also"]) { self.seeAlso(seeAlso) }
    }

    mutating func entry(_ entry: Entry) {
        location = entry.location
        heading("SS", entry.question.plainText)
        blocks(entry.answer)
    }

    mutating func heading(_ macro: StaticString, _ title: String) {
        writer.request(macro, Self.oneLine(title))
        afterHeading = true
    }

    /// `.BR name (section),` for each `name(section)` item, plain text for anything else.
    mutating func seeAlso(_ value: String) {
        heading("SH", "SEE ALSO")
        var text = Substring(value.trimmingBlanks)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        let items = text.split(separator: ",").map { $0.trimmingBlanks }.filter { !$0.isEmpty }
        for (index, item) in items.enumerated() {
            let comma = index + 1 < items.count ? "," : ""
            if item.hasSuffix(")"), let open = item.lastIndex(of: "("), open != item.startIndex {
                let title = String(item[..<open]).trimmingBlanks
                let section = item[item.index(after: open)..<item.index(before: item.endIndex)]
                if !title.isEmpty, !section.isEmpty {
                    writer.request("BR", title, "(\(section))\(comma)")
                    continue
                }
            }
            writer.text(item + comma)
            writer.endLine()
        }
    }

    // MARK: Blocks

    /// `.PP`, unless a heading (or item tag, or indent) was just written.
    mutating func paragraphBreak() {
        if afterHeading {
            afterHeading = false
        } else {
            writer.trustedRequest("PP")
        }
    }

    mutating func blocks<C: Collection<Block>>(_ blocks: C) {
        for block in blocks { self.block(block) }
    }

    mutating func block(_ block: Block) {
        switch block {
        case .paragraph(let paragraph):
            guard Self.hasVisibleContent(paragraph.content) else { return }
            paragraphBreak()
            inlines(paragraph.content)
            writer.endLine()
        case .heading(let heading):
            guard Self.hasVisibleContent(heading.content) else { return }
            paragraphBreak()
            withFont(.bold) { $0.inlines(heading.content) }
            writer.endLine()
        case .list(let list):
            self.list(list)
        case .code(let code):
            paragraphBreak()
            writer.trustedRequest("RS 4")
            writer.trustedRequest("EX")
            for line in code.text.split(separator: "\n", omittingEmptySubsequences: false) {
                writer.literalLine(line)
            }
            writer.trustedRequest("EE")
            writer.trustedRequest("RE")
        case .quote(let quote):
            paragraphBreak()
            writer.trustedRequest("RS 4")
            afterHeading = true
            blocks(quote.content)
            writer.trustedRequest("RE")
            afterHeading = false
        case .table(let table):
            paragraphBreak()
            self.table(table)
        case .thematicBreak:
            if afterHeading { return }
            writer.trustedRequest("sp")
        }
    }

    mutating func list(_ list: ListBlock) {
        let lastNumber = list.start + max(list.items.count - 1, 0)
        let width = list.kind == .bullet ? 2 : String(lastNumber).count + 2
        for (index, item) in list.items.enumerated() {
            switch list.kind {
            case .bullet: writer.trustedRequest("IP \\(bu \(width)")
            case .ordered: writer.trustedRequest("IP \(list.start + index). \(width)")
            }
            afterHeading = true
            switch item.task {
            case .checked?: writer.text("[x] ")
            case .unchecked?: writer.text("[ ] ")
            case nil: break
            }
            var rest = item.content[...]
            if case .paragraph(let first)? = rest.first {
                inlines(first.content)
                writer.endLine()
                rest = rest.dropFirst()
                afterHeading = false
            }
            if !rest.isEmpty {
                writer.trustedRequest("RS \(width)")
                blocks(rest)
                writer.trustedRequest("RE")
            }
            afterHeading = false
        }
    }

    // MARK: Inlines

    enum Font { case bold, italic, code }
    private var fonts: [Font] = []
    /// 0 roman, 1 bold, 2 italic, 3 bold italic, 4 code, 5 bold code.
    private var currentFont = 0

    mutating func withFont(_ font: Font, _ body: (inout ManPage) -> Void) {
        fonts.append(font)
        setFont()
        body(&self)
        fonts.removeLast()
        setFont()
    }

    /// The font for the whole stack, so closing `\fI` inside `\fB` returns to bold; a
    /// change to the font already in use is not written.
    private mutating func setFont() {
        var bold = false, italic = false, code = false
        for font in fonts {
            switch font {
            case .bold: bold = true
            case .italic: italic = true
            case .code: code = true
            }
        }
        let font = code ? (bold ? 5 : 4) : (bold ? 1 : 0) + (italic ? 2 : 0)
        guard font != currentFont else { return }
        currentFont = font
        switch font {
        case 5: writer.inlineEscape("\\f(CB")
        case 4: writer.inlineEscape("\\f(CR")
        case 3: writer.inlineEscape("\\f(BI")
        case 2: writer.inlineEscape("\\fI")
        case 1: writer.inlineEscape("\\fB")
        default: writer.inlineEscape("\\fR")
        }
    }

    mutating func inlines(_ items: [Inline]) {
        var index = items.startIndex
        while index < items.endIndex {
            switch items[index] {
            case .text(let text):
                writer.text(text)
            case .code(let code):
                withFont(.code) { $0.writer.text(code) }
            case .emphasis(let content):
                withFont(.italic) { $0.inlines(content) }
            case .strong(let content):
                withFont(.bold) { $0.inlines(content) }
            case .strikethrough(let content):
                if !reportedStrikethrough {
                    reportedStrikethrough = true
                    diagnostics.append(.warning("man page: strikethrough is shown as plain text", at: location))
                }
                inlines(content)
            case .link(let link):
                if self.link(link, next: index + 1 < items.endIndex ? items[index + 1] : nil) {
                    index += 1
                }
            case .image(let image):
                diagnostics.append(.warning("man page: image '\(image.url)' dropped; its alt text is kept", at: location))
                writer.text(image.alt)
            case .lineBreak:
                if writer.inTableCell {
                    writer.text(" ")
                } else {
                    writer.trustedRequest("br")
                }
            case .softBreak:
                if writer.inTableCell {
                    writer.text(" ")
                } else {
                    writer.endLine()
                }
            }
            index += 1
        }
    }

    /// Writes a link; returns true when it consumed `next` (punctuation after `.UE`).
    mutating func link(_ link: Link, next: Inline?) -> Bool {
        let target = LinkTarget(link.url)
        if writer.inTableCell {
            inlines(link.content)
            switch target {
            case .web(let url), .mail(let url):
                if link.content.plainText != url { writer.text(" <\(url)>") }
            case .textOnly, .unsafe: break
            }
            return false
        }
        let close: StaticString
        switch target {
        case .web(let url):
            writer.request("UR", arguments: [url], mode: .url)
            close = "UE"
        case .mail(let address):
            writer.request("MT", address)
            close = "ME"
        case .textOnly:
            inlines(link.content)
            return false
        case .unsafe:
            diagnostics.append(.warning("man page: link to '\(link.url)' kept as text only", at: location))
            inlines(link.content)
            return false
        }
        inlines(link.content)
        // Text glued to the link (`.`, `),`) is the closing macro's argument; the rest
        // continues on the next line.
        if case .text(let text)? = next, let first = text.first, !first.isWhitespace {
            let glued = text.prefix { !$0.isWhitespace }
            writer.request(close, String(glued))
            writer.text(text[glued.endIndex...])
            return true
        }
        writer.request(close)
        return false
    }

    // MARK: Helpers

    static func hasVisibleContent(_ inlines: [Inline]) -> Bool {
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s):
                if s.contains(where: { !$0.isWhitespace }) { return true }
            case .emphasis(let c), .strong(let c), .strikethrough(let c):
                if hasVisibleContent(c) { return true }
            case .link(let link):
                if hasVisibleContent(link.content) { return true }
            case .image(let image):
                if image.alt.contains(where: { !$0.isWhitespace }) { return true }
            case .lineBreak, .softBreak: break
            }
        }
        return false
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
        if let name = nonEmpty(metadata.extra["man_name"]) { return oneLine(name) }
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
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `YYYY-MM-DD` from the front matter's date (a date or a timestamp), else from `timestamp`.
    static func date(_ written: String?, timestamp: Int64) -> String {
        if let written {
            let bytes = Array(written.trimmingBlanks.utf8.prefix(10))
            let digits = [0, 1, 2, 3, 5, 6, 8, 9]
            if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) })
            {
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        return civilDate(timestamp)
    }

    /// Days since 1970 to a proleptic Gregorian date (H. Hinnant's `civil_from_days`), UTC.
    static func civilDate(_ timestamp: Int64) -> String {
        let days = timestamp >= 0 ? timestamp / 86_400 : (timestamp - 86_399) / 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// What a link becomes in a man page.
enum LinkTarget: Equatable {
    /// An absolute URL with a scheme worth following: `.UR`/`.UE`.
    case web(String)
    /// A `mailto:` address: `.MT`/`.ME`.
    case mail(String)
    /// Relative and `#anchor` links: their text.
    case textOnly
    /// `javascript:`, `data:`, `vbscript:` and other schemes: their text, with a diagnostic.
    case unsafe

    static let webSchemes: Set<String> = ["http", "https", "ftp", "ftps", "sftp", "gopher", "irc", "ircs", "news", "nntp"]

    init(_ url: String) {
        let url = url.trimmingBlanks
        guard let colon = url.firstIndex(of: ":") else {
            self = .textOnly
            return
        }
        let scheme = url[..<colon]
        guard let head = scheme.first, head.isASCII, head.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else {
            self = .textOnly  // `./a:b`, `#x:y`: a path, not a scheme
            return
        }
        let lower = scheme.lowercased()
        if lower == "mailto" {
            let address = url[url.index(after: colon)...].prefix { $0 != "?" }
            self = address.isEmpty ? .textOnly : .mail(String(address))
        } else if Self.webSchemes.contains(lower), url.count > scheme.count + 1 {
            self = .web(url)
        } else {
            self = .unsafe
        }
    }
}

private func nonEmpty(_ value: String?) -> String? {
    guard let value, value.contains(where: { !$0.isWhitespace }) else { return nil }
    return value
}

extension StringProtocol {
    /// Without leading and trailing whitespace.
    var trimmingBlanks: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
