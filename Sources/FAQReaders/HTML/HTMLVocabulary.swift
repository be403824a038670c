/// Elements with a meaning of their own for FAQs.
enum HTMLVocabulary {
    /// MDX components (Docusaurus, Nextra, Mintlify…) that show a question and hide its
    /// answer, as `<details>` does; libxml2 gives their names in lower case.
    static let collapsibles: Set<String> = [
        "collapse", "collapsible", "accordion", "accordionitem", "expandable", "expander", "toggle", "faqitem",
    ]
    /// Where such a component (or an MDX `<Details>`) holds its question.
    static let questionAttributes = ["title", "summary", "question", "label", "header", "heading"]
}

/// How the HTML reader treats each element. Anything not listed is transparent: its
/// content is kept, the element itself means nothing here.
enum HTMLRole {
    case dropped          // script, style, iframe…: nothing of it survives
    case layoutBlock      // div, section…: transparent, but a paragraph boundary
    case inline           // a, strong, em, code…: converted by the inline walker
    case block            // p, ul, pre, table…: converted by the block walker
    case transparent      // span, u, unknown elements: their content stands in their place
    /// Void elements libxml2 2.9 does not know as void (`<embed>`): it hangs the rest of
    /// the page under them, so the element is dropped but its "children" are kept.
    case droppedVoid

    static func of(_ name: String) -> HTMLRole {
        switch name {
        case "script", "style", "iframe", "object", "form", "noscript", "template", "head",
            "svg", "math", "canvas", "audio", "video", "link", "meta", "base",
            "button", "select", "textarea", "input", "frameset", "frame", "applet", "dialog":
            return .dropped
        case "embed", "source", "track", "param", "wbr", "keygen":
            return .droppedVoid
        case "div", "section", "article", "main", "header", "footer", "nav", "aside", "figure",
            "figcaption", "center", "body", "html", "address", "hgroup", "fieldset", "legend", "caption":
            return .layoutBlock
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "pre", "blockquote", "table",
            "hr", "details", "dl", "summary", "dt", "dd":
            return .block
        case _ where HTMLVocabulary.collapsibles.contains(name):
            return .block
        case "a", "strong", "b", "em", "i", "cite", "dfn", "var", "code", "kbd", "samp", "tt", "del", "s",
            "strike", "br", "img":
            return .inline
        default:
            return .transparent
        }
    }
}
