import Foundation
import FAQModel

/// The parts of an FAQ page shared by the `xhtml` document and the EPUB chapters: the
/// `<html>`/`<head>` frame, title and preamble, one `<section epub:type="qna">` per
/// section (one for a FAQ without sections) and the table of contents — each written into
/// an `XHTMLWriter` one after another, so a page can be written (and handed on) in parts.
struct FAQPage {
    /// A section, or the whole body of a FAQ without sections (then `title` is nil).
    struct Unit {
        var id: String?
        var title: [Inline]?
        var intro: [Block]
        var entries: [Entry]
        /// Where the section starts: the place named by warnings about its title and intro.
        var location: SourceLocation? = nil
    }

    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    static let opsNamespace = "http://www.idpf.org/2007/ops"

    let document: FAQDocument
    let units: [Unit]

    init(_ document: FAQDocument) {
        self.document = document
        // Entry ids are the stable ones (JSON and the URLs use them): the contents' id and
        // a section id that collides with one gets a suffix.
        var taken = Set(document.allEntries.map(\.id))
        var tocID = "faqexport-toc"
        while taken.contains(tocID) { tocID += "-nav" }
        taken.insert(tocID)
        self.tocID = tocID
        switch document.body {
        case .entries(let entries):
            units = [Unit(id: nil, title: nil, intro: [], entries: entries)]
        case .sections(let sections):
            units = sections.map { section in
                var id = section.id.isEmpty ? "section" : section.id
                while taken.contains(id) { id += "-section" }
                taken.insert(id)
                return Unit(id: id, title: section.title, intro: section.intro, entries: section.entries,
                            location: section.location)
            }
        }
    }

    /// The id of the contents `<nav>`.
    let tocID: String

    /// The title: front matter `title`, else `og_title`, else "FAQ".
    static func title(of document: FAQDocument) -> String {
        for candidate in [document.metadata.title, document.metadata.ogTitle] {
            if let t = candidate.map(XHTMLWriter.writtenText)?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty { return t }
        }
        return "FAQ"
    }

    var title: String { Self.title(of: document) }
    var lang: String { document.metadata.lang.isEmpty ? "en" : document.metadata.lang }

    /// Every id a link may point to (sections and questions).
    var targetIDs: [String] { units.compactMap(\.id) + units.flatMap { $0.entries.map(\.id) } }

    // MARK: Frame

    /// What the `<head>` holds.
    struct Head {
        var title: String
        var description: String? = nil
        var keywords: [String] = []
        var authors: [String] = []
        var style: Style
    }

    /// `embedded`: the page's stylesheet in a `<style>`; `linked`: the book's `style.css`.
    enum Style { case embedded, linked(String) }

    func head(style: Style) -> Head {
        let m = document.metadata
        return Head(title: title, description: m.description ?? m.ogDescription, keywords: m.keywords, authors: m.authors, style: style)
    }

    /// Declaration, `<html>`, the head, `<body>` and `<main>` (everything a document shows is
    /// its main content: a page or chapter of questions, or the book's contents); the body's
    /// parts follow, then `writeEnd`.
    static func writeStart(lang: String, head: Head, to out: inout XHTMLWriter) {
        out.declaration(doctype: true)
        out.beginStartTag(.html)
        out.attribute("xmlns", xhtmlNamespace)
        out.attribute("xmlns:epub", opsNamespace)
        out.attribute("lang", lang)
        out.attribute("xml:lang", lang)
        out.endStartTag()
        write(head, to: &out)
        out.open(.body)
        out.open(.main)
    }

    /// `</main></body></html>` and the final newline.
    static func writeEnd(to out: inout XHTMLWriter) {
        out.close(.main)
        out.close(.body)
        out.close(.html)
        out.endDocument()
    }

    private static func write(_ head: Head, to out: inout XHTMLWriter) {
        func meta(_ name: String, _ content: String) {
            out.beginStartTag(.meta)
            out.attribute("name", name)
            out.attribute("content", content)
            out.endEmptyElement()
        }
        out.open(.head)
        out.beginStartTag(.meta)
        out.attribute("charset", "UTF-8")
        out.endEmptyElement()
        out.element(.title, text: head.title)
        if case .embedded = head.style {
            meta("viewport", "width=device-width, initial-scale=1")
            // The page follows the reader's colour scheme (the book leaves colours to the reading system).
            meta("color-scheme", "light dark")
        }
        if let description = head.description, !description.isEmpty { meta("description", description) }
        if !head.keywords.isEmpty { meta("keywords", head.keywords.joined(separator: ", ")) }
        for author in head.authors { meta("author", author) }
        switch head.style {
        case .embedded:
            out.element(.style, text: Stylesheet.page)
        case .linked(let href):
            out.beginStartTag(.link)
            out.attribute("rel", "stylesheet")
            out.attribute("type", "text/css")
            out.attribute("href", href)
            out.endEmptyElement()
        }
        out.close(.head)
    }

    // MARK: Body parts

    /// `<h1>` with the title, then the preamble (a document's one `h1`: an EPUB chapter that
    /// does not open the document writes its section title as `h1` instead).
    func writeTitleAndPreamble(_ content: inout XHTMLContent, to out: inout XHTMLWriter) {
        content.minimumHeadingLevel = 2
        content.location = nil
        out.element(.h1, text: title)
        content.write(document.preamble, to: &out)
    }

    /// One `<section epub:type="qna" role="doc-qna">`; section titles are `h<level>`,
    /// questions one level deeper (or `h<level>` in a FAQ without sections).
    /// `afterEntry` may take the bytes written so far (a long section streams entry by entry).
    func writeSection(
        _ unit: Unit, level: Int, content: inout XHTMLContent, to out: inout XHTMLWriter,
        afterEntry: (inout XHTMLWriter) throws -> Void
    ) rethrows {
        out.beginStartTag(.section)
        out.attribute("epub:type", "qna")
        out.attribute("role", "doc-qna")
        if let id = unit.id { out.attribute("id", id) }
        if unit.title == nil { out.attribute("aria-label", title) }
        out.endStartTag()
        var questionLevel = level
        content.location = unit.location
        if let title = unit.title {
            let tag = XHTMLTag.heading(level)
            out.open(tag)
            content.write(title, to: &out)
            out.close(tag)
            questionLevel = min(6, level + 1)
            content.minimumHeadingLevel = questionLevel
            content.write(unit.intro, to: &out)
        }
        let question = XHTMLTag.heading(questionLevel)
        for entry in unit.entries {
            out.beginStartTag(question)
            out.attribute("id", entry.id)
            out.attribute("class", "question")
            out.endStartTag()
            content.location = entry.location
            content.write(entry.question, to: &out)
            out.close(question)
            content.minimumHeadingLevel = min(6, questionLevel + 1)
            content.write(entry.answer, to: &out)
            try afterEntry(&out)
        }
        out.close(.section)
    }

    // MARK: Table of contents

    /// Whether `writeTOCItems` writes anything for `units`.
    static func hasTOCItems(_ units: [Unit]) -> Bool {
        units.contains { $0.title != nil || !$0.entries.isEmpty }
    }

    /// `<li>` items (sections → questions) for `units`; `href` maps an id to a link target.
    static func writeTOCItems(_ units: [Unit], href: (String) -> String, chapterHref: ((Int) -> String)? = nil,
                              to out: inout XHTMLWriter) {
        func link(_ target: String, _ label: String) {
            out.beginStartTag(.a)
            out.attribute("href", target)
            out.endStartTag()
            out.text(label)
            out.close(.a)
        }
        func questions(_ unit: Unit) {
            for entry in unit.entries {
                out.open(.li)
                link(href(entry.id), Self.label(entry.question.plainText, entry.id))
                out.close(.li)
            }
        }
        for (index, unit) in units.enumerated() {
            guard let title = unit.title else {
                questions(unit)
                continue
            }
            out.open(.li)
            link(chapterHref?(index) ?? unit.id.map(href) ?? href(""), label(title.plainText, unit.id ?? "Section"))
            if !unit.entries.isEmpty {
                out.open(.ol)
                questions(unit)
                out.close(.ol)
            }
            out.close(.li)
        }
    }

    static func label(_ text: String, _ fallback: String) -> String {
        let trimmed = trimmed(XHTMLWriter.writtenText(text))
        return trimmed.isEmpty ? fallback : trimmed
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, skipping Foundation's round
    /// trip through UTF-16 (a tenth of the page's time) when there is nothing to trim.
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        if let first = scalars.first, let last = scalars.last, !trimmable.contains(first), !trimmable.contains(last) {
            return text
        }
        return text.trimmingCharacters(in: trimmable)
    }

    private static let trimmable = CharacterSet.whitespacesAndNewlines
}
