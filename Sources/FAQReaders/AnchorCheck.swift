import FAQModel

/// Links to `#anchors` must name an entry or section of the document.
enum AnchorCheck {
    /// A `#fragment` link where the reader met it.
    struct Place: Sendable {
        var url: String
        var location: SourceLocation
    }

    /// With `places` (the Markdown reader's, every link in the text) each warning points at
    /// its link; without (HTML), at the answer holding it.
    static func diagnostics(_ document: FAQDocument, places: [Place]? = nil) -> [Diagnostic] {
        var ids: Set<String> = []
        if case .sections(let sections) = document.body { sections.forEach { ids.insert($0.id) } }
        document.allEntries.forEach { ids.insert($0.id) }
        func isMissing(_ url: String) -> Bool { url.hasPrefix("#") && url.count > 1 && !ids.contains(String(url.dropFirst())) }
        func warning(_ url: String, _ location: SourceLocation) -> Diagnostic {
            .warning("link to '\(url)', which names no question or section", at: location)
        }
        if let places {
            return places.filter { isMissing($0.url) }.map { warning($0.url, $0.location) }
        }
        var out: [Diagnostic] = []
        func check(_ blocks: [Block], at location: SourceLocation) {
            blocks.forEachLink { link in
                if isMissing(link.url) { out.append(warning(link.url, location)) }
            }
        }
        let fallback = SourceLocation(file: document.source ?? "-", line: 1)
        check(document.preamble, at: fallback)
        for entry in document.allEntries { check(entry.answer, at: entry.location ?? fallback) }
        return out
    }
}
