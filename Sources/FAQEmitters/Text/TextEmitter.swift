import FAQModel
import Foundation

/// Plain text in the tradition of Usenet and Debian FAQ text files:
///
/// ```
/// Title
/// =====
///
/// Description, wrapped.
///
/// Contents
/// --------
///
/// 1. Section
///    1.1 Question
///
/// 1. Section
/// ==========
///
/// 1.1 Question
///
///     Answer, indented four columns, links as text [1].
///
///     [1] https://example.org/
/// ```
///
/// Wrapped at `EmitOptions.textWidth` by display width (0: no wrapping) with `TextWrapper`;
/// code blocks and URLs are never wrapped. LF line endings, no trailing spaces, no tabs, NFC.
///
/// Streams: each paragraph is normalized and appended as UTF-8 to a chunk that goes to the
/// sink between entries, so a large FAQ's text is never held whole (nor normalized whole).
/// NFC per line gives the same bytes as NFC of the whole text: a line feed never composes
/// with its neighbours, so normalization cannot reach across it.
public struct TextEmitter: Emitter {
    public init() {}

    /// Indent of answers under their question.
    static let answerIndent = 4

    public func write(_ document: FAQDocument, options: EmitOptions, to sink: OutputSink) throws -> [Diagnostic] {
        let width = max(0, options.textWidth)
        let urls = DocumentURLs(document, options: options)
        var blocks = TextBlocks(inlines: PlainInlines(style: .references, urls: urls, anchors: AnchorIndex(document), numbered: true))
        var chunk: [UInt8] = []
        chunk.reserveCapacity(OutputSink.chunkSize + (64 << 10))
        var started = false

        // Paragraphs are separated by one empty line; every line ends with LF.
        func paragraph(_ lines: [String]) {
            guard !lines.isEmpty else { return }
            if started { chunk.append(0x0A) }
            started = true
            for line in lines {
                chunk.append(contentsOf: NFC.normalized(line).utf8)
                chunk.append(0x0A)
            }
        }
        func unit(_ content: [Block], indent: Int, at location: SourceLocation?) {
            blocks.location = location
            let pad = String(repeating: " ", count: indent)
            let body = blocks.render(content, width: TextBlocks.narrower(width, by: indent))
            paragraph(body.map { $0.isEmpty ? "" : pad + $0 })
            paragraph(blocks.inlines.references.takeLines().map { pad + $0 })
        }

        // Header: title, description, facts.
        let wrapper = TextWrapper(width: width)
        let metadata = document.metadata
        if let title = metadata.title, !title.isEmpty {
            paragraph(underlined(wrapper.wrap(title), "=", width: width))
        }
        if let description = metadata.description, !description.isEmpty {
            paragraph(wrapper.wrap(description))
        }
        var facts: [String] = []
        if !metadata.authors.isEmpty {
            facts += wrapper.wrap("Authors: " + metadata.authors.joined(separator: ", "), rest: "    ")
        }
        if let date = metadata.date, !date.isEmpty { facts += wrapper.wrap("Date: " + date, rest: "    ") }
        if let page = urls.page { facts += wrapper.wrap([.text("URL: "), .atom(page)]) }
        paragraph(facts)

        unit(document.preamble, indent: 0, at: nil)

        // Table of contents and body share one numbering.
        switch document.body {
        case .entries(let entries):
            if !entries.isEmpty {
                paragraph(underlined(["Contents"], "-", width: width))
                var toc: [String] = []
                for (i, entry) in entries.enumerated() {
                    toc += numbered("\(i + 1).", entry.question, width: width, indent: 0, &blocks, inContents: true)
                }
                paragraph(toc)
            }
            for (i, entry) in entries.enumerated() {
                paragraph(numbered("\(i + 1).", entry.question, width: width, indent: 0, &blocks))
                unit(entry.answer, indent: Self.answerIndent, at: entry.location)
                try sink.drain(&chunk)
            }
        case .sections(let sections):
            if !sections.isEmpty {
                paragraph(underlined(["Contents"], "-", width: width))
                var toc: [String] = []
                for (s, section) in sections.enumerated() {
                    toc += numbered("\(s + 1).", section.title, width: width, indent: 0, &blocks, inContents: true)
                    let indent = "\(s + 1).".count + 1
                    for (e, entry) in section.entries.enumerated() {
                        toc += numbered("\(s + 1).\(e + 1)", entry.question, width: width, indent: indent, &blocks, inContents: true)
                    }
                }
                paragraph(toc)
            }
            for (s, section) in sections.enumerated() {
                paragraph(underlined(numbered("\(s + 1).", section.title, width: width, indent: 0, &blocks), "=", width: width))
                unit(section.intro, indent: 0, at: section.location)
                for (e, entry) in section.entries.enumerated() {
                    paragraph(numbered("\(s + 1).\(e + 1)", entry.question, width: width, indent: 0, &blocks))
                    unit(entry.answer, indent: Self.answerIndent, at: entry.location)
                    try sink.drain(&chunk)
                }
            }
        }

        if !started { chunk.append(0x0A) }  // an empty document is one empty line
        try sink.drain(&chunk, force: true)
        return blocks.diagnostics
    }

    /// `1.1 Question text` with a hanging indent under the text.
    private func numbered(
        _ number: String, _ title: [Inline], width: Int, indent: Int, _ blocks: inout TextBlocks,
        inContents: Bool = false
    ) -> [String] {
        let lead = String(repeating: " ", count: indent)
        let first = lead + number + " "
        let rest = String(repeating: " ", count: DisplayWidth.of(first))
        // In the contents, titles are plain; in the body their links are numbered into the
        // reference block of the unit that follows (the answer or the section intro).
        let pieces: [TextWrapper.Piece] = inContents ? [.text(title.plainText)] : blocks.inlines.pieces(title)
        let lines = TextWrapper(width: width).wrap(pieces, first: first, rest: rest)
        return lines.isEmpty ? [trimTrailingSpaces(first)] : lines
    }

    private func underlined(_ lines: [String], _ mark: Character, width: Int) -> [String] {
        guard !lines.isEmpty else { return [] }
        var rule = lines.map(DisplayWidth.of).max() ?? 0
        if width > 0 { rule = min(rule, width) }
        return lines + [String(repeating: mark, count: max(1, rule))]
    }
}
