/// Walks over the inline runs of a block tree (paragraphs, headings, list items, quotes,
/// table cells) and the links inside them, so checks and tools need not repeat the switch.
extension Array where Element == Block {
    public func forEachInlineRun(_ body: ([Inline]) -> Void) {
        for block in self {
            switch block {
            case .paragraph(let p): body(p.content)
            case .heading(let h): body(h.content)
            case .list(let l): l.items.forEach { $0.content.forEachInlineRun(body) }
            case .quote(let q): q.content.forEachInlineRun(body)
            case .table(let t):
                t.header.forEach { body($0.content) }
                t.rows.forEach { $0.forEach { body($0.content) } }
            case .code, .thematicBreak: break
            }
        }
    }

    /// Every link, nested ones included, in reading order.
    public func forEachLink(_ body: (Link) -> Void) {
        forEachInlineRun { $0.forEachLink(body) }
    }
}

extension Array where Element == Inline {
    public func forEachLink(_ body: (Link) -> Void) {
        for inline in self {
            switch inline {
            case .link(let link):
                body(link)
                link.content.forEachLink(body)
            case .emphasis(let c), .strong(let c), .strikethrough(let c): c.forEachLink(body)
            case .text, .code, .image, .lineBreak, .softBreak: break
            }
        }
    }
}

extension Array where Element == Inline {
    /// Every image, in links and emphasis included, in reading order.
    public func forEachImage(_ body: (Image) -> Void) {
        for inline in self {
            switch inline {
            case .image(let image): body(image)
            case .link(let link): link.content.forEachImage(body)
            case .emphasis(let c), .strong(let c), .strikethrough(let c): c.forEachImage(body)
            case .text, .code, .lineBreak, .softBreak: break
            }
        }
    }
}
