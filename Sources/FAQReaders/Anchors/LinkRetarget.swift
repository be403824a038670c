import Foundation
import FAQModel

/// Sends `#x` links whose target has no element in the model (a stray anchor, a generated
/// id a heading could not keep) to the heading or entry that stands for it, so a link
/// that worked in the source still leads to the right question.
struct LinkRetarget {
    let aliases: [String: String]

    /// The target for a `#fragment` URL, when it is an alias; an alias of an alias (a
    /// label naming a heading that turned out to be the page title) is followed through.
    func target(of url: String) -> String? {
        let rest = url.dropFirst()
        guard url.hasPrefix("#"), !rest.isEmpty else { return nil }
        let fragment = String(rest)
        guard var target = aliases[fragment] ?? Self.percentDecoded(fragment).flatMap({ aliases[$0] }) else { return nil }
        for _ in 0..<8 {
            guard let next = aliases[target] else { break }
            target = next
        }
        return target
    }

    /// A fragment with its `%XX` escapes decoded; nil when it has none (decoding would give
    /// it back unchanged, and Foundation's decoding is slow) or a malformed one.
    static func percentDecoded(_ fragment: String) -> String? {
        fragment.containsUTF8Byte(UInt8(ascii: "%")) ? fragment.removingPercentEncoding : nil
    }

    /// Rebuilds only the parts holding a link to an alias: most documents have aliases (a
    /// page title's id) that no link uses, and rebuilding every block copies the whole model.
    func apply(to document: inout FAQDocument) {
        guard !aliases.isEmpty else { return }
        if linksToAlias(document.preamble) { document.preamble = blocks(document.preamble) }
        switch document.body {
        case .entries(let entries):
            guard entries.contains(where: linksToAlias) else { return }
            document.body = .entries(entries.map(entry))
        case .sections(let sections):
            guard sections.contains(where: linksToAlias) else { return }
            document.body = .sections(sections.map { section in
                guard linksToAlias(section) else { return section }
                var s = section
                s.title = inlines(s.title)
                s.intro = blocks(s.intro)
                s.entries = s.entries.map(entry)
                return s
            })
        }
    }

    private func entry(_ entry: Entry) -> Entry {
        guard linksToAlias(entry) else { return entry }
        var e = entry
        e.question = inlines(e.question)
        e.answer = blocks(e.answer)
        return e
    }

    // MARK: Finding links to aliases (read only)

    private func linksToAlias(_ section: Section) -> Bool {
        linksToAlias(section.title) || linksToAlias(section.intro) || section.entries.contains(where: linksToAlias)
    }

    private func linksToAlias(_ entry: Entry) -> Bool {
        linksToAlias(entry.question) || linksToAlias(entry.answer)
    }

    private func linksToAlias(_ blocks: [Block]) -> Bool {
        var found = false
        blocks.forEachInlineRun { if !found { found = linksToAlias($0) } }
        return found
    }

    private func linksToAlias(_ inlines: [Inline]) -> Bool {
        var found = false
        inlines.forEachLink { if !found, target(of: $0.url) != nil { found = true } }
        return found
    }

    // MARK: Rebuilding

    private func blocks(_ blocks: [Block]) -> [Block] {
        blocks.map { block in
            switch block {
            case .paragraph(let p): return .paragraph(Paragraph(inlines(p.content)))
            case .heading(var h):
                h.content = inlines(h.content)
                return .heading(h)
            case .list(var l):
                l.items = l.items.map { ListItem(task: $0.task, content: self.blocks($0.content)) }
                return .list(l)
            case .quote(let q): return .quote(BlockQuote(self.blocks(q.content)))
            case .table(var t):
                t.header = t.header.map { TableCell(inlines($0.content)) }
                t.rows = t.rows.map { $0.map { TableCell(inlines($0.content)) } }
                return .table(t)
            case .code, .thematicBreak: return block
            }
        }
    }

    private func inlines(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            switch inline {
            case .link(var link):
                if let target = target(of: link.url) { link.url = "#" + target }
                link.content = self.inlines(link.content)
                return .link(link)
            case .emphasis(let c): return .emphasis(self.inlines(c))
            case .strong(let c): return .strong(self.inlines(c))
            case .strikethrough(let c): return .strikethrough(self.inlines(c))
            case .text, .code, .image, .lineBreak, .softBreak: return inline
            }
        }
    }
}
