import FAQModel

/// Collects inlines, merging adjacent text (cmark splits text at every special character;
/// HTML splits it at every tag) so both readers give the same values.
struct InlineBuilder {
    private(set) var items: [Inline] = []

    mutating func append(_ inline: Inline) {
        switch inline {
        case .text(let s):
            if s.isEmpty { return }
            if case .text(let previous)? = items.last {
                items[items.count - 1] = .text(previous + s)
                return
            }
        case .emphasis(let c), .strong(let c), .strikethrough(let c):
            if c.isEmpty { return }  // an empty <i class="icon"></i> means nothing here
        case .code, .link, .image, .lineBreak, .softBreak:
            break
        }
        items.append(inline)
    }

    func finish() -> [Inline] { items }
}
