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
        guard url.hasPrefix("#"), url.count > 1 else { return nil }
        let fragment = String(url.dropFirst())
        guard var target = aliases[fragment] ?? fragment.removingPercentEncoding.flatMap({ aliases[$0] }) else { return nil }
        for _ in 0..<8 {
            guard let next = aliases[target] else { break }
            target = next
        }
        return target
    }

    func apply(to document: inout FAQDocument) {
        guard !aliases.isEmpty else { return }
        document.preamble = blocks(document.preamble)
        switch document.body {
        case .entries(let entries):
            document.body = .entries(entries.map(entry))
        case .sections(let sections):
            document.body = .sections(sections.map { section in
                var s = section
                s.title = inlines(s.title)
                s.intro = blocks(s.intro)
                s.entries = s.entries.map(entry)
                return s
            })
        }
    }

    private func entry(_ entry: Entry) -> Entry {
        var e = entry
        e.question = inlines(e.question)
        e.answer = blocks(e.answer)
        return e
    }

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
