import FAQModel

/// What a converter of a markup that names its own anchors (docutils XML, DocBook) hands
/// over: the flow, each heading and entry carrying the author's id, and every other id of
/// the source as a stray anchor beside the heading or entry that holds it, so that
/// `AnchorAssignment` treats these ids as it treats Markdown's and HTML's.
struct MarkupFlow {
    var items: [FlowItem] = []
    var metadata = Metadata()
    var diagnostics: [Diagnostic] = []

    /// Appends a heading or entry; `ids` are all the ids the source gives it, the first
    /// being the one to keep, the others other names for it.
    mutating func append(_ item: FlowItem, ids given: [String]) {
        var item = item
        switch item {
        case .block, .paragraph, .anchor:
            break
        case .heading(let level, let content, let location, var anchor):
            anchor.id = given.first
            item = .heading(level: level, content: content, location: location, anchor: anchor)
        case .entry(let question, let answer, let location, var anchor):
            anchor.id = given.first
            item = .entry(question: question, answer: answer, location: location, anchor: anchor)
        }
        items.append(item)
        for alias in given.dropFirst() { noteID(alias) }
    }

    /// A top-level paragraph is handed over as such: one that states a question in bold can
    /// start an entry (`FAQStructure`).
    mutating func append(_ block: Block) {
        if case .paragraph(let paragraph) = block {
            items.append(.paragraph(paragraph, location: nil))
        } else {
            items.append(.block(block))
        }
    }

    /// An id met inside the current heading's or entry's content: another name for it.
    mutating func noteID(_ id: String) {
        items.append(.anchor(StrayAnchor(id: id, location: nil, attach: .previous)))
    }

    mutating func warn(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }
}
