import FAQModel

/// The document model as versioned JSON, the contract published as
/// `schema/faqexport.schema.json` (draft 2020-12) and decoded back by `FAQDocument`'s
/// `Decodable` (`DocumentCoding.swift`, `NodeCoding.swift`): decoding this output gives the
/// same model. Every key and type name comes from `JSONContract`, which the decoder reads too.
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
        let urls = DocumentURLs(document, options: options)
        var writer = FAQJSONWriter(urls: urls, html: AnswerHTML(document, urls: urls), sink: sink)
        try writer.document(document)
        try writer.out.finish(into: sink)
        return []
    }
}

private typealias DocumentKey = JSONContract.DocumentKey
private typealias MetadataKey = JSONContract.MetadataKey
private typealias SectionKey = JSONContract.SectionKey
private typealias EntryKey = JSONContract.EntryKey
private typealias LocationKey = JSONContract.LocationKey
private typealias NodeKey = JSONContract.NodeKey

/// The contract's shapes, one function per type, in key order.
private struct FAQJSONWriter {
    var out: JSONWriter
    let urls: DocumentURLs
    let html: AnswerHTML
    private var plain: TextBlocks
    /// Takes the bytes between entries.
    let sink: OutputSink

    init(urls: DocumentURLs, html: AnswerHTML, sink: OutputSink) {
        out = JSONWriter(capacity: OutputSink.chunkSize + (1 << 16))
        self.urls = urls
        self.html = html
        self.sink = sink
        plain = TextBlocks(inlines: PlainInlines(style: .inline, urls: urls, anchors: html.anchors, numbered: false))
    }

    mutating func document(_ document: FAQDocument) throws {
        out.beginObject()
        out.member(DocumentKey.format, JSONContract.format)
        out.member(DocumentKey.version, JSONContract.version)
        out.key(DocumentKey.metadata)
        metadata(document.metadata)
        out.member(DocumentKey.source, document.source)
        out.key(DocumentKey.preamble)
        blocks(document.preamble)
        switch document.body {
        case .entries(let entries):
            out.key(DocumentKey.entries)
            try self.entries(entries, unit: 0)
        case .sections(let sections):
            out.key(DocumentKey.sections)
            out.beginArray()
            for (u, s) in sections.enumerated() { try section(s, unit: u) }
            out.endArray()
        }
        out.endObject()
    }

    mutating func metadata(_ m: Metadata) {
        out.beginObject()
        out.member(MetadataKey.title, m.title)
        out.member(MetadataKey.description, m.description)
        out.member(MetadataKey.keywords, strings: m.keywords)
        out.member(MetadataKey.lang, m.lang)
        out.member(MetadataKey.date, m.date)
        out.member(MetadataKey.permalink, m.permalink)
        out.member(MetadataKey.url, m.url)
        out.member(MetadataKey.authors, strings: m.authors)
        out.member(MetadataKey.ogTitle, m.ogTitle)
        out.member(MetadataKey.ogDescription, m.ogDescription)
        out.key(MetadataKey.extra)
        out.beginObject()
        for key in m.extra.keys.sorted() { out.member(key, m.extra[key]!) }
        out.endObject()
        out.endObject()
    }

    mutating func section(_ s: Section, unit: Int) throws {
        out.beginObject()
        out.member(SectionKey.id, s.id)
        out.member(SectionKey.title, s.title.plainText)
        out.key(SectionKey.titleContent)
        inlines(s.title)
        out.member(SectionKey.url, urls.entry(s.id))
        out.key(SectionKey.intro)
        blocks(s.intro)
        out.key(SectionKey.entries)
        try entries(s.entries, unit: unit)
        location(s.location)
        out.endObject()
    }

    mutating func entries(_ entries: [Entry], unit: Int) throws {
        out.beginArray()
        for (index, e) in entries.enumerated() {
            entry(e, unit: unit, index: index)
            try out.drain(into: sink)
        }
        out.endArray()
    }

    mutating func entry(_ e: Entry, unit: Int, index: Int) {
        out.beginObject()
        out.member(EntryKey.id, e.id)
        out.member(EntryKey.question, e.question.plainText)
        out.key(EntryKey.questionContent)
        inlines(e.question)
        out.member(EntryKey.url, urls.entry(e.id))
        out.member(EntryKey.answerText, answerText(e.answer))
        out.member(EntryKey.answerHTML, utf8: html.bytes(e.answer, unit: unit, entry: index))
        out.key(EntryKey.answer)
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
        out.key(EntryKey.location)
        out.beginObject()
        out.member(LocationKey.file, l.file)
        out.member(LocationKey.line, l.line)
        out.member(LocationKey.column, l.column)
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
            type(.paragraph)
            out.key(NodeKey.content)
            inlines(p.content)
        case .heading(let h):
            type(.heading)
            out.member(NodeKey.level, h.level)
            out.key(NodeKey.content)
            inlines(h.content)
            if let id = h.id { out.member(NodeKey.id, id) }
        case .list(let l):
            type(.list)
            out.member(NodeKey.kind, l.kind.rawValue)
            out.member(NodeKey.start, l.start)
            out.member(NodeKey.tight, l.tight)
            out.key(NodeKey.items)
            out.beginArray()
            for item in l.items {
                out.beginObject()
                out.member(NodeKey.task, item.task?.rawValue)
                out.key(NodeKey.content)
                blocks(item.content)
                out.endObject()
            }
            out.endArray()
        case .code(let c):
            type(.codeBlock)
            out.member(NodeKey.language, c.language)
            out.member(NodeKey.text, c.text)
        case .quote(let q):
            type(.blockQuote)
            out.key(NodeKey.content)
            blocks(q.content)
        case .table(let t):
            type(.table)
            out.member(NodeKey.alignments, strings: t.alignments.map(\.rawValue))
            out.key(NodeKey.header)
            out.beginArray()
            for cell in t.header { inlines(cell.content) }
            out.endArray()
            out.key(NodeKey.rows)
            out.beginArray()
            for row in t.rows {
                out.beginArray()
                for cell in row { inlines(cell.content) }
                out.endArray()
            }
            out.endArray()
        case .thematicBreak:
            type(.thematicBreak)
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
            type(.text)
            out.member(NodeKey.text, s)
        case .code(let s):
            type(.code)
            out.member(NodeKey.text, s)
        case .emphasis(let c):
            type(.emphasis)
            out.key(NodeKey.content)
            inlines(c)
        case .strong(let c):
            type(.strong)
            out.key(NodeKey.content)
            inlines(c)
        case .strikethrough(let c):
            type(.strikethrough)
            out.key(NodeKey.content)
            inlines(c)
        case .link(let link):
            type(.link)
            out.member(NodeKey.url, link.url)
            out.member(NodeKey.title, link.title)
            out.key(NodeKey.content)
            inlines(link.content)
        case .image(let image):
            type(.image)
            out.member(NodeKey.url, image.url)
            out.member(NodeKey.title, image.title)
            out.member(NodeKey.alt, image.alt)
        case .lineBreak:
            type(.lineBreak)
        case .softBreak:
            type(.softBreak)
        }
        out.endObject()
    }

    mutating func type(_ type: JSONContract.BlockType) { out.member(NodeKey.type, type.rawValue) }
    mutating func type(_ type: JSONContract.InlineType) { out.member(NodeKey.type, type.rawValue) }
}

/// Members named by the contract's keys.
extension JSONWriter {
    fileprivate mutating func key(_ key: some CodingKey) { self.key(key.stringValue) }
    fileprivate mutating func member(_ key: some CodingKey, _ value: String) { member(key.stringValue, value) }
    fileprivate mutating func member(_ key: some CodingKey, _ value: String?) { member(key.stringValue, value) }
    fileprivate mutating func member(_ key: some CodingKey, _ value: Int) { member(key.stringValue, value) }
    fileprivate mutating func member(_ key: some CodingKey, _ value: Bool) { member(key.stringValue, value) }
    fileprivate mutating func member(_ key: some CodingKey, utf8 value: [UInt8]) { member(key.stringValue, utf8: value) }
    fileprivate mutating func member(_ key: some CodingKey, strings: [String]) { member(key.stringValue, strings: strings) }
}
