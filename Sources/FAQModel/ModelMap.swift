/// Rewrites the URLs of a document's links and images (everywhere: preamble, section
/// titles and intros, questions, answers), for readers that resolve links as the source's
/// platform does. `transform` returns nil to keep a URL as it is.
extension FAQDocument {
    public func mappingURLs(_ transform: (String) -> String?) -> FAQDocument {
        var copy = self
        copy.preamble = preamble.mappingURLs(transform)
        switch body {
        case .entries(let entries):
            copy.body = .entries(entries.map { $0.mappingURLs(transform) })
        case .sections(let sections):
            copy.body = .sections(sections.map { section in
                var s = section
                s.title = section.title.mappingURLs(transform)
                s.intro = section.intro.mappingURLs(transform)
                s.entries = section.entries.map { $0.mappingURLs(transform) }
                return s
            })
        }
        return copy
    }
}

extension Entry {
    func mappingURLs(_ transform: (String) -> String?) -> Entry {
        var copy = self
        copy.question = question.mappingURLs(transform)
        copy.answer = answer.mappingURLs(transform)
        return copy
    }
}

extension Array where Element == Block {
    public func mappingURLs(_ transform: (String) -> String?) -> [Block] {
        map { block in
            switch block {
            case .paragraph(var p):
                p.content = p.content.mappingURLs(transform)
                return .paragraph(p)
            case .heading(var h):
                h.content = h.content.mappingURLs(transform)
                return .heading(h)
            case .list(var l):
                l.items = l.items.map { item in
                    var i = item
                    i.content = item.content.mappingURLs(transform)
                    return i
                }
                return .list(l)
            case .quote(var q):
                q.content = q.content.mappingURLs(transform)
                return .quote(q)
            case .table(var t):
                t.header = t.header.map { TableCell($0.content.mappingURLs(transform)) }
                t.rows = t.rows.map { $0.map { TableCell($0.content.mappingURLs(transform)) } }
                return .table(t)
            case .code, .thematicBreak:
                return block
            }
        }
    }
}

extension Array where Element == Inline {
    public func mappingURLs(_ transform: (String) -> String?) -> [Inline] {
        map { inline in
            switch inline {
            case .link(var link):
                link.url = transform(link.url) ?? link.url
                link.content = link.content.mappingURLs(transform)
                return .link(link)
            case .image(var image):
                image.url = transform(image.url) ?? image.url
                return .image(image)
            case .emphasis(let c): return .emphasis(c.mappingURLs(transform))
            case .strong(let c): return .strong(c.mappingURLs(transform))
            case .strikethrough(let c): return .strikethrough(c.mappingURLs(transform))
            case .text, .code, .lineBreak, .softBreak: return inline
            }
        }
    }
}
