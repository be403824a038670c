import FAQModel

/// The numbered link references `[n]` of one unit of text (the preamble, a section intro,
/// an entry): a URL seen twice keeps its first number.
struct LinkReferences {
    private(set) var urls: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func number(for url: String) -> Int {
        if let n = numbers[url] { return n }
        urls.append(url)
        numbers[url] = urls.count
        return urls.count
    }

    /// `[n] URL` lines (never wrapped), and starts a fresh unit.
    mutating func takeLines() -> [String] {
        defer {
            urls = []
            numbers = [:]
        }
        return urls.enumerated().map { "[\($0.offset + 1)] \($0.element)" }
    }
}

/// Inline markup as plain text pieces for `TextWrapper`, in the Usenet tradition:
/// `_emphasis_`, `*strong*`, `~~strike~~`, `` `code` ``; links as `text [n]` with a numbered
/// reference (or `text (URL)` for `answer_text`); a link whose text is its URL stays inline;
/// images as `[image: alt]` with a reference. A `#link` to a question, section or heading of
/// the document names it instead (`CrossReference`: `text (see 2.1 "Question?")`, numbered
/// as the contents when `numbered`).
struct PlainInlines {
    enum LinkStyle { case references, inline }

    var style: LinkStyle
    let urls: DocumentURLs
    let anchors: AnchorIndex
    /// Whether a cross-reference gives the contents' number (the text output) or not.
    let numbered: Bool
    var references = LinkReferences()

    init(style: LinkStyle, urls: DocumentURLs, anchors: AnchorIndex, numbered: Bool) {
        self.style = style
        self.urls = urls
        self.anchors = anchors
        self.numbered = numbered
    }

    mutating func pieces(_ inlines: [Inline]) -> [TextWrapper.Piece] {
        var out: [TextWrapper.Piece] = []
        append(inlines, to: &out)
        return out
    }

    /// One line of text, hard breaks turned into spaces (table cells).
    mutating func singleLine(_ inlines: [Inline]) -> String {
        let ps = pieces(inlines).map { piece -> TextWrapper.Piece in
            if case .lineBreak = piece { return .text(" ") }
            return piece
        }
        return TextWrapper(width: 0).wrap(ps).joined(separator: " ")
    }

    private mutating func append(_ inlines: [Inline], to out: inout [TextWrapper.Piece]) {
        for inline in inlines {
            switch inline {
            case .text(let s):
                out.append(.text(s))
            case .code(let s):
                out.append(.text("`" + s + "`"))
            case .emphasis(let content):
                wrapped("_", content, &out)
            case .strong(let content):
                wrapped("*", content, &out)
            case .strikethrough(let content):
                wrapped("~~", content, &out)
            case .link(let link):
                if case .fragment(let fragment) = LinkPolicy.classify(link.url), let target = anchors.target(fragment) {
                    append(link.content, to: &out)
                    let number = numbered ? Self.contentsNumber(of: target, sections: anchors.hasSections) : nil
                    if let note = CrossReference.note(to: target, linkText: link.content, number: number) {
                        out.append(.text(" " + note))
                    }
                } else if link.content.plainText == link.url {
                    out.append(.atom(link.url))
                } else {
                    append(link.content, to: &out)
                    target(link.url, &out)
                }
            case .image(let image):
                out.append(.text(image.alt.isEmpty ? "[image]" : "[image: \(image.alt)]"))
                target(image.url, &out)
            case .lineBreak:
                out.append(.lineBreak)
            case .softBreak:
                out.append(.text(" "))
            }
        }
    }

    /// The number the text output's contents give the question or section that is, or holds,
    /// `target` (`2.1`, `2.`; `3.` in a FAQ without sections); nil in the preamble.
    static func contentsNumber(of target: AnchorIndex.Target, sections: Bool) -> String? {
        guard let unit = target.unit else { return nil }
        guard sections else { return target.entry.map { "\($0 + 1)." } }
        return target.entry.map { "\(unit + 1).\($0 + 1)" } ?? "\(unit + 1)."
    }

    private mutating func wrapped(_ mark: String, _ content: [Inline], _ out: inout [TextWrapper.Piece]) {
        out.append(.text(mark))
        append(content, to: &out)
        out.append(.text(mark))
    }

    private mutating func target(_ url: String, _ out: inout [TextWrapper.Piece]) {
        // Reference lines are written as they are: a tab, newline or control character in a
        // URL is percent-encoded here, so it cannot break the layout (found by fuzzing).
        let resolved = LinkPolicy.wellFormed(urls.resolve(url))
        switch style {
        case .references:
            out.append(.text(" [\(references.number(for: resolved))]"))
        case .inline:
            out.append(.text(" ("))
            out.append(.atom(resolved))
            out.append(.text(")"))
        }
    }
}
