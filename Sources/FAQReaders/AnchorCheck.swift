import FAQModel

/// Links to `#anchors` must name an entry or section of the document.
enum AnchorCheck {
    static func diagnostics(_ document: FAQDocument) -> [Diagnostic] {
        var ids: Set<String> = []
        if case .sections(let sections) = document.body { sections.forEach { ids.insert($0.id) } }
        document.allEntries.forEach { ids.insert($0.id) }
        var out: [Diagnostic] = []
        func check(_ blocks: [Block], at location: SourceLocation?) {
            blocks.forEachLink { link in
                if link.url.hasPrefix("#"), link.url.count > 1, !ids.contains(String(link.url.dropFirst())) {
                    out.append(.warning("link to '\(link.url)', which names no question or section", at: location))
                }
            }
        }
        let fallback = SourceLocation(file: document.source ?? "-", line: 1)
        check(document.preamble, at: fallback)
        for entry in document.allEntries { check(entry.answer, at: entry.location ?? fallback) }
        return out
    }
}
