import FAQModel

/// What a platform makes a heading's id from: the heading as rendered, and, for a Markdown
/// heading, its source line (Goldmark and kramdown's own parser slug the source, so
/// `## [Go](https://go.dev)` gives them a different id than the text would).
struct HeadingText: Sendable, Hashable {
    var content: [Inline]
    /// The heading's Markdown source: an ATX heading's text, a setext heading's last line,
    /// without the attribute block. Nil for HTML headings and headings inside containers.
    var source: String?

    init(_ content: [Inline], source: String? = nil) {
        self.content = content
        self.source = source
    }

    /// The text a renderer shows. `imageAlt`: whether an image counts with its alt text
    /// (Pandoc's `stringify` does; an HTML page's text content does not). `lineBreak`: what a
    /// hard or soft break stands for. `typography`: Markdown's `--`, `---` and `...`
    /// become the dashes and ellipsis a smart renderer prints (removed here, since no rule
    /// keeps them), outside code.
    func rendered(imageAlt: Bool, lineBreak: String, typography: Typography = .none) -> String {
        var out = ""
        Self.append(content, to: &out, imageAlt: imageAlt, lineBreak: lineBreak, typography: typography)
        return out
    }

    enum Typography { case none, pandoc, kramdown }

    private static func append(_ inlines: [Inline], to out: inout String, imageAlt: Bool, lineBreak: String, typography: Typography) {
        for inline in inlines {
            switch inline {
            case .text(let s): out += typography == .none ? s : smart(s, typography)
            case .code(let s): out += s
            case .emphasis(let c), .strong(let c), .strikethrough(let c):
                append(c, to: &out, imageAlt: imageAlt, lineBreak: lineBreak, typography: typography)
            case .link(let link): append(link.content, to: &out, imageAlt: imageAlt, lineBreak: lineBreak, typography: typography)
            case .image(let image): if imageAlt { out += image.alt }
            case .lineBreak, .softBreak: out += lineBreak
            }
        }
    }

    /// Removes what a smart renderer turns into typographic symbols, as its tokenizer does,
    /// left to right: `---`, `--`, `...`; kramdown also `<< `, ` >>`, `<<`, `>>` (a space
    /// next to its guillemet goes with it).
    static func smart(_ s: String, _ typography: Typography) -> String {
        guard mayHoldSymbols(s, typography) else { return s }
        let tokens: [String] = typography == .kramdown ? ["---", "--", "...", "<< ", " >>", "<<", ">>"] : ["---", "--", "..."]
        var out = ""
        var rest = Substring(s)
        scan: while !rest.isEmpty {
            for token in tokens where rest.hasPrefix(token) {
                rest = rest.dropFirst(token.count)
                continue scan
            }
            out.append(rest.removeFirst())
        }
        return out
    }

    /// Whether `s` has two `-` or `.` in a row (kramdown: also `<` or `>`), by bytes: every
    /// heading passes here, and most have nothing to remove. Finds at least what the scan
    /// above removes, which leaves any other string as it was.
    private static func mayHoldSymbols(_ s: String, _ typography: Typography) -> Bool {
        var previous: UInt8 = 0
        for byte in s.utf8 {
            if byte == previous {
                switch byte {
                case UInt8(ascii: "-"), UInt8(ascii: "."): return true
                case UInt8(ascii: "<"), UInt8(ascii: ">"): if typography == .kramdown { return true }
                default: break
                }
            }
            previous = byte
        }
        return false
    }
}
