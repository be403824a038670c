import FAQModel

/// Collects inlines, merging adjacent text (cmark splits text at every special character;
/// HTML splits it at every tag) so both readers give the same values. The text being
/// merged is kept apart until something else comes, so a run of many pieces is appended
/// to in place rather than copied for each.
struct InlineBuilder {
    private var items: [Inline] = []
    private var text = ""

    mutating func append(_ inline: Inline) {
        switch inline {
        case .text(let s):
            text += s
            return
        case .emphasis(let c), .strong(let c), .strikethrough(let c):
            if c.isEmpty { return }  // an empty <i class="icon"></i> means nothing here
        case .code, .link, .image, .lineBreak, .softBreak:
            break
        }
        flushText()
        items.append(inline)
    }

    private mutating func flushText() {
        if !text.isEmpty { items.append(.text(text)) }
        text = ""
    }

    func finish() -> [Inline] {
        var copy = self
        copy.flushText()
        return copy.items
    }
}
