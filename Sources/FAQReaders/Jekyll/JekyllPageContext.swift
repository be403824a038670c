import FAQModel
import Foundation

/// The page being read, as its Jekyll site sees it: where the site is and is served, the
/// page's own URL, and how links to the site's other files resolve (`{% link %}`,
/// `{% post_url %}`, and relative links through `jekyll-relative-links`).
struct JekyllPageContext: Sendable {
    /// The site the input is in (`_config.yml` at its root), when there is one.
    let site: JekyllSite?
    /// `--base-url`, else the site's `url` and `baseurl`.
    let address: SiteAddress
    /// The input's path from the site root.
    let sourcePath: String?
    /// Jekyll's `page.url`: from the site root, without `baseurl`; nil when unknown.
    let pageURL: String?
    /// The other inputs' permalinks by path (`ReaderOptions.permalinks`), used when the
    /// site is not at hand.
    let permalinks: [String: String]
    /// Whether the address or the site is known at all (else URLs stay as the author wrote them).
    let knowsSite: Bool

    init(path: String, frontMatter: FrontMatter, options: ReaderOptions) {
        site = options.site
        address = SiteAddress(baseURL: options.baseURL, site: options.site)
        sourcePath = options.site?.relativePath(of: options.filePath ?? path)
        permalinks = options.permalinks
        knowsSite = options.site != nil || (options.baseURL.map { !$0.isEmpty } ?? false)
        let data = JekyllFileData(frontMatter)
        if let site, let sourcePath, let url = site.url(of: sourcePath, data: data) {
            pageURL = url
        } else if let permalink = data.permalink, !permalink.isEmpty {
            pageURL = LiquidURL.isAbsolute(permalink) ? permalink : JekyllURL.sanitize(permalink)
        } else {
            pageURL = nil
        }
    }

    /// The page's address for `Metadata.url`: absolute when the site's address is known,
    /// else from the site root; nil when the reader knows no site.
    var documentURL: String? {
        guard knowsSite, let pageURL else { return nil }
        return address.absolute(pageURL)
    }

    // MARK: Links to the site's files

    enum Target {
        /// The file's URL from the site root (without `baseurl`).
        case found(String)
        /// The site is at hand and has no such file.
        case missing
        /// No site to look in: a guess from Jekyll's defaults.
        case unknown(guess: String)
    }

    /// `{% link path %}`: the file at `path` from the site root.
    func link(_ written: String) -> Target {
        let path = written.hasPrefix("/") ? String(written.dropFirst()) : written
        if let site {
            let file = site.absolutePath(of: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let url = site.url(of: path, data: JekyllFileData.read(file: file))
            else { return permalinks[path].map { .found($0) } ?? .missing }
            return .found(url)
        }
        if let permalink = permalinks[path] { return .found(permalink) }
        let guess = JekyllSite(root: "/").url(of: path, data: JekyllFileData(hasFrontMatter: true)) ?? "/" + path
        return .unknown(guess: guess)
    }

    /// `{% post_url [dir/]YYYY-MM-DD-name %}`: the post in `_posts/dir/` or `dir/_posts/`.
    func post(_ name: String) -> Target {
        let written = name.hasPrefix("/") ? String(name.dropFirst()) : name
        let slash = written.lastIndex(of: "/")
        let directory = slash.map { String(written[...$0]) } ?? ""
        let stem = slash.map { String(written[written.index(after: $0)...]) } ?? written
        guard let site else {
            let guess = JekyllSite(root: "/").url(of: directory + "_posts/" + stem + ".md", data: JekyllFileData(hasFrontMatter: true))
            return .unknown(guess: guess ?? "/" + written)
        }
        guard Self.isPostStem(stem) else { return .missing }
        for folder in ["_posts/" + directory, directory + "_posts/"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: site.absolutePath(of: folder))) ?? []
            // `stem.ext`, one extension (`[^.]+`), as Jekyll's `PostComparer` matches it.
            for file in names.sorted() where file.hasPrefix(stem + ".") && !file.dropFirst(stem.count + 1).contains(".") {
                let relative = folder + file
                if let url = site.url(of: relative, data: JekyllFileData.read(file: site.absolutePath(of: relative))) { return .found(url) }
            }
        }
        return .missing
    }

    /// `YYYY-MM-DD-name` (Jekyll's post name pattern, without an extension).
    static func isPostStem(_ stem: String) -> Bool {
        JekyllSite.datedName(stem + ".x") != nil
    }
}
