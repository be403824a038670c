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

    public func write(_ document: FAQDocument, options: EmitOptions, to sink: OutputSink) throws -> [Diagnostic] {
        var page = ManPage(options: options, sink: sink)
        try page.render(document)
        try page.writer.finish(into: sink)
        return page.diagnostics
    }

    /// The page's section, which is also its file extension (`--output-dir` writes
    /// `NAME.SECTION`, so man-db and mandoc find the page where its `.TH` says it is).
    public static func section(of document: FAQDocument, options: EmitOptions) -> String {
        ManPage.section(document.metadata, options: options)
    }

    /// `1`, `3p`, `8`…: what `--man-section` accepts.
    public static func isSectionName(_ value: String) -> Bool { ManPage.isSectionName(value) }
}

struct ManPage {
    var writer: RoffWriter
    var diagnostics: [Diagnostic] = []
    let options: EmitOptions
    /// Right after `.SH`, `.SS`, `.IP` or `.RS`: the next paragraph needs no `.PP`.
    var afterHeading = false
    /// Where diagnostics point: the entry being written, when known.
    var location: SourceLocation?
    /// The page's URLs: relative links are written as the absolute URLs they resolve to.
    var urls: DocumentURLs?
    var reportedStrikethrough = false
    /// The `.RS` insets in force (code, quotes, list bodies), in ens; tables are laid out in
    /// the line that is left.
    private var insets: [Int] = []
    var inset: Int { insets.reduce(0, +) }
    /// Takes the page's bytes between entries.
    let sink: OutputSink

    init(options: EmitOptions, sink: OutputSink) {
        self.options = options
        self.sink = sink
        writer = RoffWriter(asciiOnly: options.asciiOnly, capacity: OutputSink.chunkSize + (1 << 16))
    }

    // MARK: Page structure

    mutating func render(_ document: FAQDocument) throws {
        let metadata = document.metadata
        let urls = DocumentURLs(document, options: options)
        self.urls = urls
        if let unresolved = urls.unresolvedRelativeLinks(in: document) {
            diagnostics.append(.warning(
                "man page: \(unresolved.count) relative link\(unresolved.count == 1 ? "" : "s") (first: '\(unresolved.first.prefix(60))') kept as text only: the page's address is unknown (give --base-url, or url in a Jekyll _config.yml)",
                at: unresolved.location ?? document.source.map { SourceLocation(file: $0, line: 1) }))
        }
        let name = Self.pageName(metadata)
        if Self.hasTable(document) { writer.trustedLine("'\\\" t") }
        if !options.asciiOnly { writer.trustedLine(".\\\" -*- coding: UTF-8 -*-") }
        let section = Self.section(metadata, options: options)
        if let given = metadata.extra["man_section"], !Self.isSectionName(given.trimmingCharacters(in: .whitespaces)) {
            diagnostics.append(.warning("man page: man_section '\(given.prefix(20))' is not a section name (1, 3p, 8…); section \(section) is used"))
        }
        writer.request(
            "TH",
            arguments: [
                Self.asciiUppercased(name), section, Self.date(metadata.date, timestamp: options.timestamp),
                ManPage.nonEmpty(metadata.extra["man_source"]) ?? "faqexport",
                ManPage.nonEmpty(metadata.extra["man_manual"]) ?? ManPage.nonEmpty(metadata.title) ?? "Frequently Asked Questions",
            ], verbatim: 2)
        // Left-aligned, like most terminals show man pages: lines of CJK text or long words
        // cannot be justified, and groff -ww warns about every one of them.
        writer.trustedRequest("ad l")

        writer.request("SH", "NAME")
        let description = Self.oneLine(
            ManPage.nonEmpty(metadata.description) ?? ManPage.nonEmpty(metadata.title) ?? "frequently asked questions")
        writer.breakPoints = false
        writer.text(name)
        writer.inlineEscape(" \\- ")
        writer.text(description)
        writer.endLine()
        writer.breakPoints = true

        let entriesOnly: [Entry]?
        switch document.body {
        case .entries(let entries): entriesOnly = entries
        case .sections: entriesOnly = nil
        }
        // A document with its own DESCRIPTION section (a command's manual written as a FAQ,
        // like faqexport(1)) gets its preamble there instead of a second DESCRIPTION.
        var ownDescription = false
        if case .sections(let sections) = document.body {
            ownDescription = sections.contains { Self.oneLine($0.title.plainText).uppercased() == "DESCRIPTION" }
        }
        if !ownDescription, !document.preamble.isEmpty || entriesOnly != nil || metadata.description != nil {
            heading("SH", "DESCRIPTION")
            if document.preamble.isEmpty, let text = ManPage.nonEmpty(metadata.description) {
                paragraphBreak()
                writer.text(text)
                writer.endLine()
            }
            unit(document.preamble)
        }
        switch document.body {
        case .entries(let entries):
            for entry in entries { try self.entry(entry) }
        case .sections(let sections):
            for section in sections {
                location = section.location
                heading("SH", section.title.plainText)
                if ownDescription, Self.oneLine(section.title.plainText).uppercased() == "DESCRIPTION" {
                    unit(document.preamble)
                }
                unit(section.intro)
                for entry in section.entries { try self.entry(entry) }
            }
        }
        if let seeAlso = ManPage.nonEmpty(metadata.extra["see_also"]) { self.seeAlso(seeAlso) }
    }

    mutating func entry(_ entry: Entry) throws {
        location = entry.location
        heading("SS", entry.question.plainText, fallback: entry.id)
        unit(entry.answer)
        try writer.drain(into: sink)
    }

    mutating func heading(_ macro: StaticString, _ title: String, fallback: String = "Questions") {
        let title = Self.oneLine(title)
        // With break points, like body text: a long CJK question is one unbreakable run.
        writer.request(macro, arguments: [title.isEmpty ? fallback : title], mode: .fill)
        afterHeading = true
    }

    /// `.BR name (section),` for each `name(section)` item, plain text for anything else.
    mutating func seeAlso(_ value: String) {
        heading("SH", "SEE ALSO")
        var text = Substring(Self.trimmed(value))
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        let items = text.split(separator: ",").map { Self.trimmed($0) }.filter { !$0.isEmpty }
        for (index, item) in items.enumerated() {
            let comma = index + 1 < items.count ? "," : ""
            if item.hasSuffix(")"), let open = item.lastIndex(of: "("), open != item.startIndex {
                let title = Self.trimmed(item[..<open])
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

    /// A preamble, section intro or answer. Images without alt text leave nothing on the
    /// page, wherever they are (a paragraph or cell of nothing else is not written at all):
    /// each is reported here, the others where they are written.
    mutating func unit(_ blocks: [Block]) {
        blocks.forEachInlineRun { run in
            run.forEachImage { image in
                if !Self.hasVisibleContent([.text(image.label)]) {
                    diagnostics.append(.warning("man page: image '\(image.url)' has no alt text and is left out", at: location))
                }
            }
        }
        self.blocks(blocks)
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
            beginInset(4)
            writer.trustedRequest("EX")
            for line in code.text.split(separator: "\n", omittingEmptySubsequences: false) {
                writer.literalLine(line)
            }
            writer.trustedRequest("EE")
            endInset()
        case .quote(let quote):
            guard Self.showsContent(block) else { return }
            paragraphBreak()
            beginInset(4)
            afterHeading = true
            blocks(quote.content)
            endInset()
            afterHeading = false
        case .table(let table):
            guard Self.showsContent(block) else { return }
            paragraphBreak()
            self.table(table)
        case .thematicBreak:
            if afterHeading { return }
            writer.trustedRequest("sp")
        }
    }

    /// Insets stop growing at half the line: deeper nesting stays at that margin, since
    /// groff cannot set text once the insets eat the line ("can't break line", then
    /// "bad line length" at about 40 levels).
    static let maxInset = 36

    mutating func beginInset(_ ens: Int) {
        let step = inset + ens > Self.maxInset ? 0 : ens
        insets.append(step)
        writer.trustedRequest("RS \(step)")
    }

    mutating func endInset() {
        insets.removeLast()
        writer.trustedRequest("RE")
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
                beginInset(width)
                blocks(rest)
                endInset()
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

    /// Content tbl sets in bold itself (a header cell): a font change inside it returns to
    /// bold, not to roman.
    mutating func onBoldBase(_ body: (inout ManPage) -> Void) {
        let saved = (fonts, currentFont)
        fonts = [.bold]
        currentFont = 1
        body(&self)
        (fonts, currentFont) = saved
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
                let label = image.label
                if Self.hasVisibleContent([.text(label)]) {
                    diagnostics.append(.warning("man page: image '\(image.url)' dropped; its alt text is kept", at: location))
                    writer.text(label)
                }
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
        let target = ManLinkTarget(urls?.absolute(link.url) ?? link.url)
        if writer.inTableCell {
            if let address = target.address, link.content.plainText == address {
                writer.urlText(address, bracketed: false)
            } else {
                inlines(link.content)
                if let address = target.address {
                    writer.text(" ")
                    writer.urlText(address, bracketed: true)
                }
            }
            return false
        }
        if !Self.hasVisibleContent(link.content) {
            // `.UR` with no text is an empty block to mandoc: the address is the text.
            if let address = target.address { writer.text(address) }
            return false
        }
        if let address = target.address, link.content.plainText == address, Self.isPlain(link.content) {
            // A bare URL or autolink: `.UR` would show the address twice (text ⟨URL⟩).
            writer.urlText(address, bracketed: false)
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
            let glued = text.prefix { !$0.isWhitespace && $0 != "\u{0B}" && $0 != "\u{0C}" }
            writer.request(close, arguments: [String(glued)], quoted: false)
            writer.text(text[glued.endIndex...])
            return true
        }
        writer.request(close)
        return false
    }
}
