import CLibXML2
import FAQModel

/// The HTML reader's part of "the author's ids are the ids": ids on headings, `<a name>`
/// in or before them, section wrappers (Sphinx's `<div class="section" id>`), ids inside
/// answers (stray anchors), permalink chrome to drop, Markdown's attribute syntax on the
/// elements cmark rendered, and where each `#` link is written.
extension HTMLConverter {
    /// The author's id on an element: `id`, or `name` on an `<a>`.
    static func authorID(_ node: XMLNode) -> String? {
        let id = node.attribute("id") ?? (node.name == "a" ? node.attribute("name") : nil)
        return id.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Keeps an element's id as a stray anchor until the flow can place it.
    mutating func recordID(_ node: XMLNode, attach: StrayAnchor.Attach = .previous) {
        guard let id = Self.authorID(node) else { return }
        pendingAnchors.append(StrayAnchor(id: id, location: location(node), attach: attach))
    }

    /// The stray anchors recorded since `mark`, taken out of the pending list.
    mutating func takeAnchors(since mark: Int) -> [StrayAnchor] {
        guard mark < pendingAnchors.count else { return [] }
        let taken = Array(pendingAnchors[mark...])
        pendingAnchors.removeSubrange(mark...)
        return taken
    }

    /// At the top level, the pending anchors join the flow where they stand; inside a list
    /// or quote they wait for the top-level block that holds them.
    mutating func flushAnchors(into items: inout [FlowItem]) {
        guard nested == 0, !pendingAnchors.isEmpty else { return }
        items += pendingAnchors.map(FlowItem.anchor)
        pendingAnchors = []
        runAnchorStart = 0
    }

    /// Nested flow items as blocks, their anchors (and the ids of entries that became bold
    /// paragraphs) kept for the top-level flow.
    mutating func lift(_ items: [FlowItem]) -> [Block] {
        for item in items {
            switch item {
            case .anchor(let stray):
                pendingAnchors.append(StrayAnchor(id: stray.id, location: stray.location, attach: .previous))
            case .entry(_, _, let location, let anchor):
                if let id = anchor.id { pendingAnchors.append(StrayAnchor(id: id, location: location, attach: .previous)) }
            case .block, .paragraph, .heading:
                break
            }
        }
        return items.asBlocks
    }

    /// A wrapper whose first element is a heading (`<div class="section" id="x"><h2>`,
    /// `<section id>`): its id names that heading. Empty inline elements before the
    /// heading (Sphinx's `<span id="label"></span>`) do not count.
    static func startsWithHeading(_ node: XMLNode) -> Bool {
        for child in node.children {
            if child.isText {
                if isBlank(child) { continue }
                return false
            }
            guard child.isElement else { continue }
            switch child.name {
            case "h1", "h2", "h3", "h4", "h5", "h6", "details", "dl": return true
            case "a", "span": if child.children.allSatisfy({ $0.isText && isBlank($0) }) { continue } else { return false }
            default: return false
            }
        }
        return false
    }

    /// A text node of white space only (its own text, not a subtree's).
    private static func isBlank(_ text: XMLNode) -> Bool {
        guard let content = text.pointee.content else { return true }
        var p = content
        while p.pointee != 0 {
            guard p.pointee == 0x20 || p.pointee == 0x09 || p.pointee == 0x0A || p.pointee == 0x0D || p.pointee == 0x0C else { return false }
            p += 1
        }
        return true
    }

    /// Permalink chrome beside a heading (Sphinx's `<a class="headerlink">¶</a>`, MkDocs',
    /// markdown-it-anchor's, Docusaurus's `hash-link`, GitHub's `anchor`): a self-link
    /// whose text is at most a symbol. It is no part of the heading's text.
    static func isPermalink(_ node: XMLNode) -> Bool {
        guard let href = node.attribute("href"), href.hasPrefix("#"), let classes = node.attribute("class") else { return false }
        let chrome: Set<Substring> = ["headerlink", "header-anchor", "anchor", "anchorjs-link", "hash-link", "heading-anchor", "anchor-link", "permalink"]
        guard classes.split(separator: " ").contains(where: chrome.contains) else { return false }
        // At most a symbol (¶, #, §, 🔗): looked at only as far as that, whatever is inside.
        var text = ""
        XMLWalk.forEachText(node) { piece in
            text += piece.trimmingWhitespace()
            return text.count <= 2
        }
        return text.count <= 2
    }

    /// The Markdown lines an element rendered by cmark came from (`data-sourcepos`).
    func sourceRange(_ node: XMLNode) -> (first: Int, last: Int)? {
        guard useSourcePos, let pos = node.attribute("data-sourcepos") else { return nil }
        let ends = pos.split(separator: "-")
        guard ends.count == 2, let first = ends[0].split(separator: ":").first.flatMap({ Int($0) }),
              let last = ends[1].split(separator: ":").first.flatMap({ Int($0) }) else { return nil }
        return (first, last)
    }

    /// A heading's anchor: `id` or `name` on it, else the first id inside it; for a
    /// heading cmark rendered, a trailing `{#id}` block (taken out of `content`) and the
    /// source line. The other ids inside it are returned as other names for it.
    mutating func headingAnchor(_ node: XMLNode, content: inout [Inline], inner: [StrayAnchor]) -> (SourceAnchor, extra: [StrayAnchor]) {
        var anchor = SourceAnchor()
        var extra = inner
        anchor.id = node.attribute("id") ?? node.attribute("name")
        if anchor.id?.isEmpty == true { anchor.id = nil }
        if let range = sourceRange(node) {
            anchor.generated = true
            if let stripped = MarkdownAttributes.stripHeading(&content) {
                anchor.attributes = stripped.written
                if let id = stripped.block.id, anchor.id == nil {
                    anchor.id = id
                    anchor.isAttribute = true
                }
            }
            anchor.source = markdownLines?.headingSource(first: range.first, last: range.last)
        }
        if anchor.id == nil, !extra.isEmpty { anchor.id = extra.removeFirst().id }
        return (anchor, extra.map { StrayAnchor(id: $0.id, location: $0.location, attach: .following) })
    }

    /// Where a `#` link of a standalone HTML page is written: libxml2's line, the column
    /// of its `<a` found on that line.
    mutating func recordLink(_ node: XMLNode, href: String) {
        guard !useSourcePos, href.hasPrefix("#"), href.count > 1 else { return }
        let line = node.line
        var column = 1
        if let htmlLines { column = linkColumns.column(of: href, line: line, text: htmlLines.line(line)) ?? 1 }
        fragmentLinks.append(AnchorCheck.Place(url: href, location: SourceLocation(file: file, line: line + lineOffset, column: column)))
    }

    /// A link left out (a permalink) still moves the column search past it.
    mutating func skipLink(_ node: XMLNode) {
        guard !useSourcePos, let htmlLines, let href = node.attribute("href")?.trimmingWhitespace() else { return }
        _ = linkColumns.column(of: href, line: node.line, text: htmlLines.line(node.line))
    }
}
