import FAQModel

/// An answer as the XHTML fragment the JSON outputs carry (`answer_html`, JSON-LD
/// `Answer.text`): the xhtml output's markup, headings from h4 (below a page's h1 title, h2
/// sections and h3 questions) with their ids, and links resolved against the entry's page URL
/// when it is known (`DocumentURLs.resolve`: `https://site/faq/#id`, relative links made
/// absolute), else kept as written (`#id`), since the fragment is read off the site. A `#link`
/// goes to its target's id in markup; one to an id the document lacks stays as written
/// (resolved the same way): the structured `answer` keeps it too.
struct AnswerHTML {
    let anchors: AnchorIndex
    let urls: DocumentURLs

    init(_ document: FAQDocument, urls: DocumentURLs) {
        anchors = AnchorIndex(document)
        self.urls = urls
    }

    /// The fragment of the answer of entry `entry` of unit `unit` (`AnchorIndex`'s numbering).
    func bytes(_ answer: [Block], unit: Int, entry: Int) -> [UInt8] {
        let anchors = anchors, urls = urls
        return XHTMLContent.fragmentBytes(answer, minimumHeadingLevel: 4, anchors: anchors, place: .answer(unit: unit, entry: entry)) { url in
            guard case .fragment(let fragment) = LinkPolicy.classify(url) else { return .href(urls.resolve(url)) }
            return .href(urls.resolve(anchors.target(fragment).map { "#" + $0.id } ?? url))
        }
    }
}
