extension Image {
    /// What an image shows in place of itself where it cannot be shown: its alt text, else
    /// its title.
    public var label: String { alt.isEmpty ? title ?? "" : alt }
}

/// Inline markup flattened to text: what a question is in JSON, a title in a `<title>`,
/// a NAME line in a man page.
extension Array where Element == Inline {
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emphasis(let c), .strong(let c), .strikethrough(let c): c.appendPlainText(to: &out)
            case .link(let link): link.content.appendPlainText(to: &out)
            case .image(let image): out += image.alt
            case .lineBreak, .softBreak: out += " "
            }
        }
    }
}
