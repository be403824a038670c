import FAQModel

/// Puts the author's ids of a `MarkupFlow` onto the document `FAQStructure` built from it,
/// and points every `#link` at an id the document has. The structure stays the one
/// `FAQStructure` decides; only the ids change, so every reader keeps the same rules.
struct AuthorAnchors {
    private struct Anchor {
        var text: String
        var location: SourceLocation?
        var id: String
    }

    private var anchors: [Anchor] = []
    private var cursor = 0
    /// Placeholder or author id → the id the document ended up with.
    private var final: [String: String] = [:]
    /// Ids of headings inside answers → the entry (or section) holding them: the emitters
    /// anchor entries and sections.
    private var holder: [String: String] = [:]

    static func apply(_ flow: MarkupFlow, to document: inout FAQDocument) {
        var pass = AuthorAnchors()
        for (index, item) in flow.items.enumerated() {
            guard let id = flow.ids[index] else { continue }
            switch item {
            case .block, .paragraph: continue
            case .heading(_, let content, let location):
                pass.anchors.append(Anchor(text: content.plainText, location: location, id: id))
            case .entry(let question, _, let location):
                pass.anchors.append(Anchor(text: question.plainText, location: location, id: id))
            }
        }
        pass.assign(&document)
        pass.rewriteLinks(&document, aliases: flow.aliases)
    }

    /// The next anchor, in flow order, with this text (and place, when both have one). Only a
    /// few anchors can lie between two items of the document (a title heading the structure
    /// dropped), so the search looks a short way ahead: linear time overall.
    private mutating func take(_ text: String, _ location: SourceLocation?) -> String? {
        var i = cursor
        while i < min(anchors.count, cursor + 16) {
            let anchor = anchors[i]
            if anchor.text == text && (location == nil || anchor.location == nil || anchor.location == location) {
                cursor = i + 1
                return anchor.id
            }
            i += 1
        }
        return nil
    }

    private static func isPlaceholder(_ id: String) -> Bool { id.hasPrefix("\u{0}") }

    private mutating func assign(_ document: inout FAQDocument) {
        func name(_ current: String, _ found: String?) -> String {
            guard let found else { return current }
            if Self.isPlaceholder(found) {
                final[found] = current
                return current
            }
            final[found] = found
            return found
        }
        func answerHeadings(_ blocks: inout [Block], holder holderID: () -> String) {
            for i in blocks.indices {
                guard case .heading(var heading) = blocks[i], heading.id == nil else { continue }
                guard let found = take(heading.content.plainText, nil) else { continue }
                if Self.isPlaceholder(found) { continue }
                heading.id = found
                blocks[i] = .heading(heading)
                holder[found] = holderID()
            }
        }
        answerHeadings(&document.preamble) { "" }
        switch document.body {
        case .entries(var entries):
            for i in entries.indices {
                entries[i].id = name(entries[i].id, take(entries[i].question.plainText, entries[i].location))
                let id = entries[i].id
                answerHeadings(&entries[i].answer) { id }
            }
            document.body = .entries(entries)
        case .sections(var sections):
            for s in sections.indices {
                sections[s].id = name(sections[s].id, take(sections[s].title.plainText, sections[s].location))
                let sectionID = sections[s].id
                answerHeadings(&sections[s].intro) { sectionID }
                for e in sections[s].entries.indices {
                    sections[s].entries[e].id = name(sections[s].entries[e].id, take(sections[s].entries[e].question.plainText, sections[s].entries[e].location))
                    let id = sections[s].entries[e].id
                    answerHeadings(&sections[s].entries[e].answer) { id }
                }
            }
            document.body = .sections(sections)
        }
        makeUnique(&document)
    }

    /// An author id can equal an id `FAQStructure` made for another item (a slug): the
    /// author's stays, the made one gets a suffix.
    private mutating func makeUnique(_ document: inout FAQDocument) {
        let authorIDs = Set(final.values.filter { final[$0] == $0 })
        var seen: Set<String> = []
        func unique(_ id: String) -> String {
            if seen.insert(id).inserted { return id }
            var n = 2
            while seen.contains("\(id)-\(n)") || authorIDs.contains("\(id)-\(n)") { n += 1 }
            seen.insert("\(id)-\(n)")
            return "\(id)-\(n)"
        }
        func fix(_ id: inout String) {
            let isAuthor = final[id] == id
            if !isAuthor && authorIDs.contains(id) {
                var n = 2
                while authorIDs.contains("\(id)-\(n)") || seen.contains("\(id)-\(n)") { n += 1 }
                id = "\(id)-\(n)"
            }
            id = unique(id)
        }
        switch document.body {
        case .entries(var entries):
            for i in entries.indices { fix(&entries[i].id) }
            document.body = .entries(entries)
        case .sections(var sections):
            for s in sections.indices {
                fix(&sections[s].id)
                for e in sections[s].entries.indices { fix(&sections[s].entries[e].id) }
            }
            document.body = .sections(sections)
        }
    }

    private func target(_ fragment: String, aliases: [String: String]) -> String {
        let owner = aliases[fragment] ?? fragment
        let named = final[owner] ?? owner
        return holder[named].flatMap { $0.isEmpty ? nil : $0 } ?? named
    }

    private func rewriteLinks(_ document: inout FAQDocument, aliases: [String: String]) {
        let map: (String) -> String = { url in
            guard url.hasPrefix("#"), url.count > 1 else { return url }
            return "#" + target(String(url.dropFirst()), aliases: aliases)
        }
        document.preamble = document.preamble.mappingLinks(map)
        switch document.body {
        case .entries(let entries):
            document.body = .entries(entries.map { var e = $0; e.answer = e.answer.mappingLinks(map); return e })
        case .sections(let sections):
            document.body = .sections(sections.map { section in
                var s = section
                s.intro = s.intro.mappingLinks(map)
                s.entries = s.entries.map { var e = $0; e.answer = e.answer.mappingLinks(map); return e }
                return s
            })
        }
    }
}

extension Array where Element == Block {
    /// The same blocks with every link's URL passed through `map`.
    func mappingLinks(_ map: (String) -> String) -> [Block] {
        self.map { block in
            switch block {
            case .paragraph(var p): p.content = p.content.mappingLinks(map); return .paragraph(p)
            case .heading(var h): h.content = h.content.mappingLinks(map); return .heading(h)
            case .list(var l):
                l.items = l.items.map { var item = $0; item.content = item.content.mappingLinks(map); return item }
                return .list(l)
            case .quote(var q): q.content = q.content.mappingLinks(map); return .quote(q)
            case .table(var t):
                t.header = t.header.map { TableCell($0.content.mappingLinks(map)) }
                t.rows = t.rows.map { $0.map { TableCell($0.content.mappingLinks(map)) } }
                return .table(t)
            case .code, .thematicBreak: return block
            }
        }
    }
}

extension Array where Element == Inline {
    func mappingLinks(_ map: (String) -> String) -> [Inline] {
        self.map { inline in
            switch inline {
            case .link(var link):
                link.url = map(link.url)
                link.content = link.content.mappingLinks(map)
                return .link(link)
            case .emphasis(let c): return .emphasis(c.mappingLinks(map))
            case .strong(let c): return .strong(c.mappingLinks(map))
            case .strikethrough(let c): return .strikethrough(c.mappingLinks(map))
            case .text, .code, .image, .lineBreak, .softBreak: return inline
            }
        }
    }
}
