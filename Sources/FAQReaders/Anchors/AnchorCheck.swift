import Foundation
import FAQModel

/// Links to `#anchors` must name something the document keeps: a section, an entry, a
/// heading inside an answer, or an other name of one of them (`LinkRetarget`).
enum AnchorCheck {
    /// A `#fragment` link where the reader met it.
    struct Place: Sendable, Hashable {
        var url: String
        var location: SourceLocation
    }

    /// With `places` (every `#` link and where it is written) each warning points at its
    /// link; without, at the answer holding it.
    static func diagnostics(_ document: FAQDocument, aliases: [String: String] = [:], places: [Place]? = nil) -> [Diagnostic] {
        var ids = ids(in: document)
        ids.formUnion(aliases.keys)
        func isMissing(_ url: String) -> Bool {
            let rest = url.dropFirst()
            guard url.hasPrefix("#"), !rest.isEmpty else { return false }
            let fragment = String(rest)
            if ids.contains(fragment) { return false }
            return !(LinkRetarget.percentDecoded(fragment).map(ids.contains) ?? false)
        }
        func warning(_ url: String, _ location: SourceLocation) -> Diagnostic {
            .warning("link to '\(url)', which names no question, section or heading", at: location)
        }
        if let places {
            let missing = places.filter { isMissing($0.url) }
            guard !missing.isEmpty else { return [] }
            // A link in text the document left out (outside its FAQ section) is no finding.
            var kept: Set<String> = []
            document.preamble.forEachLink { kept.insert($0.url) }
            for entry in document.allEntries { entry.answer.forEachLink { kept.insert($0.url) } }
            if case .sections(let sections) = document.body { sections.forEach { $0.intro.forEachLink { kept.insert($0.url) } } }
            return missing.filter { kept.contains($0.url) }.map { warning($0.url, $0.location) }
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

    /// Every id the document keeps.
    static func ids(in document: FAQDocument) -> Set<String> {
        var ids: Set<String> = []
        func headings(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let h): if let id = h.id { ids.insert(id) }
                case .list(let l): l.items.forEach { headings($0.content) }
                case .quote(let q): headings(q.content)
                case .paragraph, .code, .table, .thematicBreak: break
                }
            }
        }
        headings(document.preamble)
        if case .sections(let sections) = document.body {
            for section in sections {
                ids.insert(section.id)
                headings(section.intro)
            }
        }
        for entry in document.allEntries {
            ids.insert(entry.id)
            headings(entry.answer)
        }
        return ids
    }
}
