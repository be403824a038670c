import FAQModel

/// The document model as versioned JSON, the contract published as
/// `schema/faqexport.schema.json` (draft 2020-12) and decoded back by `FAQDocument`'s
/// `Codable` (`DocumentCoding.swift`, `NodeCoding.swift`): decoding this output gives the
/// same model.
///
/// Written by hand with `JSONWriter` (bench/NOTES.md) in a fixed, meaningful key order:
/// `format`, `version`, `metadata`, `source`, `preamble`, then `entries` or `sections`.
/// Besides the structured `answer`, every entry carries `answer_text` (the answer as plain
/// text, links as `text (URL)`), `answer_html` (a sanitized XHTML fragment, as in the xhtml
/// output) and, when the page URL is known, `url` (`permalink#id`, or the base URL's). In
/// `answer_text` and `answer_html`, links are resolved against the page URL when it is
/// absolute; the structured `answer` keeps them as the source wrote them.
///
/// Versioning (`version`, MAJOR.MINOR): an added optional field bumps MINOR, anything
/// else (a removed, renamed or retyped field, a new required field, a new node type)
/// bumps MAJOR, and the schema's `$id` carries the major version.
public struct JSONEmitter: Emitter {
    public init() {}

    public func write(_ document: FAQDocument, options: EmitOptions, to sink: OutputSink) throws -> [Diagnostic] {
        var writer = FAQJSONWriter(urls: DocumentURLs(document, options: options), sink: sink)
        try writer.document(document)
        try writer.out.finish(into: sink)
        return []
    }
}

/// The contract's shapes, one function per type, in key order.
private struct FAQJSONWriter {
    var out: JSONWriter
    let urls: DocumentURLs
    private var plain: TextBlocks
    /// Takes the bytes between entries.
    let sink: OutputSink

    init(urls: DocumentURLs, sink: OutputSink) {
        out = JSONWriter(capacity: OutputSink.chunkSize + (1 << 16))
        self.urls = urls
        self.sink = sink
        plain = TextBlocks(inlines: PlainInlines(style: .inline, urls: urls))
    }

    mutating func document(_ document: FAQDocument) throws {
        out.beginObject()
        out.member("format", FAQDocument.jsonFormat)
        out.member("version", FAQDocument.jsonVersion)
        out.key("metadata")
        metadata(document.metadata)
        out.member("source", document.source)
        out.key("preamble")
        blocks(document.preamble)
        switch document.body {
        case .entries(let entries):
            out.key("entries")
            try self.entries(entries)
        case .sections(let sections):
            out.key("sections")
            out.beginArray()
            for s in sections { try section(s) }
            out.endArray()
        }
        out.endObject()
    }

    mutating func metadata(_ m: Metadata) {
        out.beginObject()
        out.member("title", m.title)
        out.member("description", m.description)
        out.member("keywords", strings: m.keywords)
        out.member("lang", m.lang)
        out.member("date", m.date)
        out.member("permalink", m.permalink)
        out.member("url", m.url)
        out.member("authors", strings: m.authors)
        out.member("og_title", m.ogTitle)
        out.member("og_description", m.ogDescription)
        out.key("extra")
        out.beginObject()
        for key in m.extra.keys.sorted() { out.member(key, m.extra[key]!) }
        out.endObject()
        out.endObject()
    }

    mutating func section(_ s: Section) throws {
        out.beginObject()
        out.member("id", s.id)
        out.member("title", s.title.plainText)
        out.key("title_content")
        inlines(s.title)
        out.member("url", urls.entry(s.id))
        out.key("intro")
        blocks(s.intro)
        out.key("entries")
        try entries(s.entries)
        location(s.location)
        out.endObject()
    }

    mutating func entries(_ entries: [Entry]) throws {
        out.beginArray()
        for e in entries {
            entry(e)
            try out.drain(into: sink)
        }
        out.endArray()
    }

    mutating func entry(_ e: Entry) {
        out.beginObject()
        out.member("id", e.id)
        out.member("question", e.question.plainText)
        out.key("question_content")
        inlines(e.question)
        out.member("url", urls.entry(e.id))
        out.member("answer_text", answerText(e.answer))
        // The same sanitized XHTML the xhtml/epub outputs carry; headings inside an answer
        // start at h4, below a page's h1 title, h2 sections and h3 questions.
        // Links resolved against the page URL (`DocumentURLs.resolve`): the fragment is read off the site.
        out.member("answer_html", utf8: XHTMLContent.fragmentBytes(e.answer, minimumHeadingLevel: 4, rewriteLink: urls.resolve))
        out.key("answer")
        blocks(e.answer)
        location(e.location)
        out.endObject()
    }

    /// The answer as plain text, unwrapped: the text output's layout at width 0.
    mutating func answerText(_ answer: [Block]) -> String {
        NFC.normalized(plain.render(answer, width: 0).joined(separator: "\n"))
    }

    mutating func location(_ l: SourceLocation?) {
        guard let l else { return }
        out.key("location")
        out.beginObject()
        out.member("file", l.file)
        out.member("line", l.line)
        out.member("column", l.column)
        out.endObject()
    }

    mutating func blocks(_ blocks: [Block]) {
        out.beginArray()
        for b in blocks { block(b) }
        out.endArray()
    }

    mutating func block(_ block: Block) {
        out.beginObject()
        switch block {
        case .paragraph(let p):
            out.member("type", "paragraph")
            out.key("content")
            inlines(p.content)
        case .heading(let h):
            out.member("type", "heading")
            out.member("level", h.level)
            out.key("content")
            inlines(h.content)
            if let id = h.id { out.member("id", id) }
        case .list(let l):
            out.member("type", "list")
            out.member("kind", l.kind.rawValue)
            out.member("start", l.start)
            out.member("tight", l.tight)
            out.key("items")
            out.beginArray()
            for item in l.items {
                out.beginObject()
                out.member("task", item.task?.rawValue)
                out.key("content")
                blocks(item.content)
                out.endObject()
            }
            out.endArray()
        case .code(let c):
            out.member("type", "code_block")
            out.member("language", c.language)
            out.member("text", c.text)
        case .quote(let q):
            out.member("type", "block_quote")
            out.key("content")
            blocks(q.content)
        case .table(let t):
            out.member("type", "table")
            out.member("alignments", strings: t.alignments.map(\.rawValue))
            out.key("header")
            out.beginArray()
            for cell in t.header { inlines(cell.content) }
            out.endArray()
            out.key("rows")
            out.beginArray()
            for row in t.rows {
                out.beginArray()
                for cell in row { inlines(cell.content) }
                out.endArray()
            }
            out.endArray()
        case .thematicBreak:
            out.member("type", "thematic_break")
        }
        out.endObject()
    }

    mutating func inlines(_ inlines: [Inline]) {
        out.beginArray()
        for i in inlines { inline(i) }
        out.endArray()
    }

    mutating func inline(_ inline: Inline) {
        out.beginObject()
        switch inline {
        case .text(let s):
            out.member("type", "text")
            out.member("text", s)
        case .code(let s):
            out.member("type", "code")
            out.member("text", s)
        case .emphasis(let c):
            out.member("type", "emphasis")
            out.key("content")
            inlines(c)
        case .strong(let c):
            out.member("type", "strong")
            out.key("content")
            inlines(c)
        case .strikethrough(let c):
            out.member("type", "strikethrough")
            out.key("content")
            inlines(c)
        case .link(let link):
            out.member("type", "link")
            out.member("url", link.url)
            out.member("title", link.title)
            out.key("content")
            inlines(link.content)
        case .image(let image):
            out.member("type", "image")
            out.member("url", image.url)
            out.member("title", image.title)
            out.member("alt", image.alt)
        case .lineBreak:
            out.member("type", "line_break")
        case .softBreak:
            out.member("type", "soft_break")
        }
        out.endObject()
    }
}
