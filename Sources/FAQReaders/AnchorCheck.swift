import FAQModel

/// Links to `#anchors` must name an entry or section of the document.
enum AnchorCheck {
    static func diagnostics(_ document: FAQDocument) -> [Diagnostic] {
        var ids: Set<String> = []
        if case .sections(let sections) = document.body { sections.forEach { ids.insert($0.id) } }
        document.allEntries.forEach { ids.insert($0.id) }
        var out: [Diagnostic] = []
        func check(_ inlines: [Inline], at location: SourceLocation?) {
            for inline in inlines {
                switch inline {
                case .link(let link):
                    if link.url.hasPrefix("#"), link.url.count > 1, !ids.contains(String(link.url.dropFirst())) {
                        out.append(.warning("link to '\(link.url)', which names no question or section", at: location))
                    }
                    check(link.content, at: location)
                case .emphasis(let c), .strong(let c), .strikethrough(let c): check(c, at: location)
                case .text, .code, .image, .lineBreak, .softBreak: break
                }
            }
        }
        func check(_ blocks: [Block], at location: SourceLocation?) {
            for block in blocks {
                switch block {
                case .paragraph(let p): check(p.content, at: location)
                case .heading(let h): check(h.content, at: location)
                case .list(let l): l.items.forEach { check($0.content, at: location) }
                case .quote(let q): check(q.content, at: location)
                case .table(let t):
                    t.header.forEach { check($0.content, at: location) }
                    t.rows.forEach { $0.forEach { check($0.content, at: location) } }
                case .code, .thematicBreak: break
                }
            }
        }
        let fallback = SourceLocation(file: document.source ?? "-", line: 1)
        check(document.preamble, at: fallback)
        for entry in document.allEntries { check(entry.answer, at: entry.location ?? fallback) }
        return out
    }
}
