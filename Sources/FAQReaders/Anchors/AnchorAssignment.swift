import FAQModel

/// Gives every heading and entry of a reader's flow its id, as the source's platform does,
/// in three passes over the document:
/// 1. the author's id where the source gives one (a repeat is a warning and gets a suffix);
///    else, for what the platform gives an id (Markdown headings), the platform's id by its
///    own suffix rule;
/// 2. for the rest (HTML headings, `<dt>`, `<details>`), the platform's slug made unique,
///    after all of pass 1 so it never takes an id a link on the published page means for
///    another heading;
/// 3. stray anchors (`<a name>` in text, `<p id>`, a footnote's id) become other names for
///    the nearest heading or entry that keeps an id, and so does a generated id that a
///    heading with the author's own id could not keep: links to them are retargeted.
struct AnchorAssignment {
    let style: IDStyle
    /// Headings inside lists, quotes and `<details>` of a Markdown source get the platform's
    /// ids too (the flow keeps no source of their own for them).
    let nestedHeadingsGenerated: Bool
    private var rule: any PlatformIDRule
    /// Every id in use, with where it was first given.
    private var taken: [String: SourceLocation?] = [:]
    /// Where the search for a free suffix of each id resumes (ids are only ever added).
    private var nextSuffix: [String: Int] = [:]
    private var authorIDs: Set<String> = []
    private var strayIDs: [String: SourceLocation?] = [:]
    private(set) var aliases: [String: String] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(style: IDStyle, nestedHeadingsGenerated: Bool) {
        self.style = style
        self.nestedHeadingsGenerated = nestedHeadingsGenerated
        self.rule = style.rule()
    }

    /// Makes every heading's and entry's `anchor.id` final and sets nested headings' ids;
    /// stray anchors leave the flow for `aliases`. In place: the flow can be large.
    mutating func assign(_ items: inout [FlowItem]) {
        Self.adopt(&items)
        if rule.reservesAheadOfTime {
            for case .heading(_, _, _, let anchor) in items where anchor.isAttribute {
                if let id = anchor.id { rule.reserve(id) }
            }
        }
        var incomplete = false
        var sawAnchors = false
        for i in items.indices {
            switch items[i] {
            case .heading(let level, let content, let location, var anchor):
                incomplete = !assign(&anchor, content: content, location: location) || incomplete
                items[i] = .heading(level: level, content: content, location: location, anchor: anchor)
            case .entry(let question, var answer, let location, var anchor):
                incomplete = !assign(&anchor, content: question, location: location) || incomplete
                if Self.containsHeading(answer) { incomplete = !assignNested(&answer, near: location) || incomplete }
                items[i] = .entry(question: question, answer: answer, location: location, anchor: anchor)
            case .block(let block) where Self.containsHeading(block):
                var blocks = [block]
                incomplete = !assignNested(&blocks, near: nil) || incomplete
                items[i] = .block(blocks[0])
            case .block, .paragraph:
                break
            case .anchor(let stray):
                sawAnchors = true
                if !stray.id.isEmpty { noteStray(stray) }
            }
        }
        if incomplete { fillIn(&items) }
        resolveStrays(items)
        for id in aliases.keys where taken[id] != nil { aliases[id] = nil }
        if sawAnchors { items.removeAll { if case .anchor = $0 { return true } else { return false } } }
    }

    /// `id`, whose element the structure did not keep, is another name for `target`.
    mutating func alias(_ id: String, to target: String) {
        if id != target, aliases[id] == nil { aliases[id] = target }
    }

    /// An id for something the flow did not hold (the section made for questions before
    /// the first section heading): the platform's slug, made unique.
    mutating func fallbackID(for text: String, otherwise: String) -> String {
        let slug = rule.slug(HeadingText([.text(text)]))
        return claimQuietly(slug.isEmpty ? otherwise : slug)
    }

    // MARK: Pass 1

    /// `<a name="q3"></a>` standing alone before a heading is that heading's id when the
    /// heading has none of its own.
    /// An adopted anchor stays in the flow with an empty id, to be dropped with the others.
    private static func adopt(_ items: inout [FlowItem]) {
        guard items.contains(where: { if case .anchor(let s) = $0 { return s.attach == .adopt } else { return false } }) else { return }
        let adopted = FlowItem.anchor(StrayAnchor(id: "", location: nil, attach: .previous))
        var j = 0  // the first item after the anchors being looked at that is not one
        for i in items.indices {
            guard case .anchor(let stray) = items[i], stray.attach == .adopt else { continue }
            j = max(j, i + 1)
            while j < items.count, case .anchor = items[j] { j += 1 }
            guard j < items.count else {
                items[i] = .anchor(StrayAnchor(id: stray.id, location: stray.location, attach: .previous))
                continue
            }
            switch items[j] {
            case .heading(let level, let content, let location, var anchor) where anchor.id == nil:
                anchor.id = stray.id
                items[j] = .heading(level: level, content: content, location: location, anchor: anchor)
                items[i] = adopted
            case .entry(let question, let answer, let location, var anchor) where anchor.id == nil:
                anchor.id = stray.id
                items[j] = .entry(question: question, answer: answer, location: location, anchor: anchor)
                items[i] = adopted
            case .heading, .entry:
                items[i] = .anchor(StrayAnchor(id: stray.id, location: stray.location, attach: .following))
            case .block, .paragraph, .anchor:
                // Followed by text, not a heading: an anchor inside the answer before it.
                items[i] = .anchor(StrayAnchor(id: stray.id, location: stray.location, attach: .previous))
            }
        }
    }

    /// Sets `anchor.id` to the author's or the platform's id; false when neither gives one.
    private mutating func assign(_ anchor: inout SourceAnchor, content: [Inline], location: SourceLocation?) -> Bool {
        var generated: String?
        let platformSyntax = anchor.id != nil && anchor.isAttribute && rule.honoursAttributeBlocks
        if anchor.generated && !platformSyntax {
            var shown = content
            if let attributes = anchor.attributes, !rule.honoursAttributeBlocks { shown.append(.text(attributes)) }
            let id = rule.next(HeadingText(shown, source: anchor.source))
            generated = id.isEmpty ? nil : id
        }
        if var author = anchor.id {
            let written = author
            if author.unicodeScalars.contains(where: Self.unusable) {
                // Links to the id as written still lead here (they are sent to the new one).
                author = Self.usable(written)
                diagnostics.append(.warning("id '\(written)' has characters an XHTML id or link cannot hold as written (white space, quotes, '%', '#'…); it becomes '\(author)'", at: location))
            }
            if platformSyntax { rule.reserve(author) }
            if let stray = strayIDs[author] {
                diagnostics.append(.warning("duplicate id '\(author)'\(Self.place(stray)); links to it go to this one", at: location))
            }
            let id = claim(author, at: location, authored: true)
            authorIDs.insert(id)
            anchor.id = id
            if let generated, generated != id, aliases[generated] == nil { aliases[generated] = id }
            if written != id, aliases[written] == nil { aliases[written] = id }
        } else if let generated {
            anchor.id = claim(generated, at: location, authored: false)
        }
        return anchor.id != nil
    }

    /// Headings inside lists, quotes and explicit entries; `location`: the entry holding them.
    private mutating func assignNested(_ blocks: inout [Block], near location: SourceLocation?) -> Bool {
        var complete = true
        Self.forEachHeading(in: &blocks) { heading in
            var anchor = SourceAnchor(id: heading.id, isAttribute: nestedHeadingsGenerated, generated: nestedHeadingsGenerated)
            complete = assign(&anchor, content: heading.content, location: location) && complete
            heading.id = anchor.id
        }
        return complete
    }

    private mutating func noteStray(_ stray: StrayAnchor) {
        if let first = strayIDs[stray.id] ?? taken[stray.id], authorIDs.contains(stray.id) || strayIDs[stray.id] != nil {
            diagnostics.append(.warning("duplicate id '\(stray.id)'\(Self.place(first)); links to it go to the first", at: stray.location))
            return
        }
        strayIDs[stray.id] = stray.location
    }

    // MARK: Pass 2

    private mutating func fillIn(_ items: inout [FlowItem]) {
        for i in items.indices {
            switch items[i] {
            case .heading(let level, let content, let location, var anchor) where anchor.id == nil:
                anchor.id = fallback(content, otherwise: "section")
                items[i] = .heading(level: level, content: content, location: location, anchor: anchor)
            case .entry(let question, var answer, let location, var anchor):
                if anchor.id == nil { anchor.id = fallback(question, otherwise: "q") }
                if Self.containsHeading(answer) { fillInNested(&answer) }
                items[i] = .entry(question: question, answer: answer, location: location, anchor: anchor)
            case .block(let block) where Self.containsHeading(block):
                var blocks = [block]
                fillInNested(&blocks)
                items[i] = .block(blocks[0])
            case .heading, .block, .paragraph, .anchor:
                break
            }
        }
    }

    private mutating func fillInNested(_ blocks: inout [Block]) {
        Self.forEachHeading(in: &blocks) { heading in
            if heading.id == nil { heading.id = fallback(heading.content, otherwise: "section") }
        }
    }

    private mutating func fallback(_ content: [Inline], otherwise: String) -> String {
        let slug = rule.slug(HeadingText(content))
        return claimQuietly(slug.isEmpty ? otherwise : slug)
    }

    // MARK: Pass 3

    private mutating func resolveStrays(_ items: [FlowItem]) {
        guard !strayIDs.isEmpty else { return }
        var last: String?
        var following: [StrayAnchor] = []
        var resolved: Set<String> = []
        func name(_ stray: StrayAnchor, _ target: String) {
            guard resolved.insert(stray.id).inserted, taken[stray.id] == nil, strayIDs[stray.id] != nil else { return }
            aliases[stray.id] = target
        }
        for item in items {
            switch item {
            case .heading(_, _, _, let anchor), .entry(_, _, _, let anchor):
                guard let id = anchor.id else { continue }
                following.forEach { name($0, id) }
                following = []
                last = id
            case .block, .paragraph:
                break
            case .anchor(let stray):
                switch stray.attach {
                case .adopt, .following: following.append(stray)
                case .previous: if let last { name(stray, last) }
                }
            }
        }
        if let last { following.forEach { name($0, last) } }
    }

    // MARK: Ids

    private mutating func claim(_ id: String, at location: SourceLocation?, authored: Bool) -> String {
        guard let first = taken[id] else {
            taken[id] = location
            return id
        }
        let unique = claimQuietly(id, at: location)
        if authored {
            diagnostics.append(.warning("duplicate id '\(id)'\(Self.place(first)); this one becomes '\(unique)'", at: location))
        } else {
            diagnostics.append(.warning("the id '\(id)' that \(style.platform) rule gives this heading is taken\(Self.place(first)); it becomes '\(unique)'", at: location))
        }
        return unique
    }

    /// `id`, or `id-1`, `id-2`… : the first one free.
    private mutating func claimQuietly(_ id: String, at location: SourceLocation? = nil) -> String {
        var candidate = id
        var n = nextSuffix[id] ?? 1
        while taken[candidate] != nil {
            candidate = "\(id)-\(n)"
            n += 1
        }
        if candidate != id { nextSuffix[id] = n }
        taken[candidate] = location
        return candidate
    }

    private static func place(_ location: SourceLocation??) -> String {
        guard let line = location??.line else { return "" }
        return " (also at line \(line))"
    }

    /// What an XHTML id cannot hold (white space) or a link to it cannot hold unescaped
    /// (a URL fragment's excluded ASCII).
    static func unusable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F { return true }
        return "\"#%<>[\\]^`{|}".unicodeScalars.contains(scalar)
    }

    /// Each run of such characters becomes one `-`.
    static func usable(_ id: String) -> String {
        var out = ""
        var inRun = false
        for scalar in id.unicodeScalars {
            if unusable(scalar) {
                if !inRun { out.unicodeScalars.append("-") }
                inRun = true
            } else {
                out.unicodeScalars.append(scalar)
                inRun = false
            }
        }
        return out
    }

    // MARK: Walking blocks

    static func containsHeading(_ blocks: [Block]) -> Bool {
        blocks.contains(where: containsHeading)
    }

    /// For one block of the flow, without wrapping it in an array: the flow has many.
    static func containsHeading(_ block: Block) -> Bool {
        switch block {
        case .heading: return true
        case .list(let list): return list.items.contains { containsHeading($0.content) }
        case .quote(let quote): return containsHeading(quote.content)
        case .paragraph, .code, .table, .thematicBreak: return false
        }
    }

    static func forEachHeading(in blocks: inout [Block], _ body: (inout Heading) -> Void) {
        for i in blocks.indices {
            switch blocks[i] {
            case .heading(var heading):
                body(&heading)
                blocks[i] = .heading(heading)
            case .list(var list) where list.items.contains(where: { containsHeading($0.content) }):
                for j in list.items.indices { forEachHeading(in: &list.items[j].content, body) }
                blocks[i] = .list(list)
            case .quote(var quote) where containsHeading(quote.content):
                forEachHeading(in: &quote.content, body)
                blocks[i] = .quote(quote)
            case .paragraph, .list, .quote, .code, .table, .thematicBreak:
                break
            }
        }
    }
}
