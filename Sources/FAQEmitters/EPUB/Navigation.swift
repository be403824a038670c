import Foundation
import FAQModel

/// `EPUB/nav.xhtml`: the table of contents (documents → sections → questions, in spine
/// order) and the landmarks (table of contents, start of the body matter).
struct Navigation {
    static let path = "EPUB/nav.xhtml"
    static let href = "nav.xhtml"

    var title: String
    var lang: String
    var firstChapter: String
    /// Writes the `<li>` items of the toc, already in reading order.
    var writeItems: (inout XHTMLWriter) -> Void

    var xhtml: [UInt8] {
        var out = XHTMLWriter()
        FAQPage.writeStart(lang: lang, head: FAQPage.Head(title: title, style: .linked(EPUBEmitter.stylesheetHref)), to: &out)
        out.beginStartTag(.nav)
        out.attribute("epub:type", "toc")
        out.attribute("id", "toc")
        out.attribute("role", "doc-toc")
        out.attribute("aria-label", "Contents")
        out.endStartTag()
        out.element(.h1, text: title)
        out.open(.ol)
        writeItems(&out)
        out.close(.ol)
        out.close(.nav)

        out.beginStartTag(.nav)
        out.attribute("epub:type", "landmarks")
        out.attribute("id", "landmarks")
        out.attribute("hidden", "hidden")
        out.endStartTag()
        out.element(.h2, text: "Landmarks")
        out.open(.ol)
        landmark("toc", href: "\(Self.href)#toc", label: "Contents", to: &out)
        landmark("bodymatter", href: firstChapter, label: title, to: &out)
        out.close(.ol)
        out.close(.nav)
        FAQPage.writeEnd(to: &out)
        return out.bytes
    }

    private func landmark(_ type: String, href: String, label: String, to out: inout XHTMLWriter) {
        out.open(.li)
        out.beginStartTag(.a)
        out.attribute("epub:type", type)
        out.attribute("href", href)
        out.endStartTag()
        out.text(label)
        out.close(.a)
        out.close(.li)
    }
}
