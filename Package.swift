// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: faqexport → FAQExport → FAQEmitters, FAQReaders → FAQModel.
// The emitters never see a reader or a C module: the compiler enforces it.
let package = Package(
    name: "faqexport",
    products: [
        .library(name: "FAQExport", targets: ["FAQExport", "FAQModel", "FAQReaders", "FAQEmitters"]),
        .executable(name: "faqexport", targets: ["faqexport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(name: "FAQModel"),
        .target(
            name: "FAQReaders",
            dependencies: ["FAQModel", "CCmarkGFM", "CLibXML2", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "FAQEmitters",
            dependencies: ["FAQModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "FAQExport", dependencies: ["FAQModel", "FAQReaders", "FAQEmitters"]),
        .executableTarget(
            name: "faqexport",
            dependencies: ["FAQExport", "FAQModel", "FAQReaders", "FAQEmitters", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // jemalloc (Debian libjemalloc-dev) replaces glibc malloc in the
            // tool: the model and the emitters allocate many small objects on two threads, and
            // it speeds up a large export (bench/NOTES.md). The library products
            // leave the allocator to their host program.
            linkerSettings: [.linkedLibrary("jemalloc")]),
        // libFuzzer harness (`make fuzz`); without -DFUZZING it replays corpus files.
        .executableTarget(
            name: "FAQFuzz", dependencies: ["FAQReaders", "FAQEmitters", "FAQModel", "CLibXML2"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        // Golden files and external validators, shared by the test targets.
        .target(name: "FAQTestSupport", path: "Tests/FAQTestSupport"),
        .testTarget(
            name: "FAQReadersTests", dependencies: ["FAQReaders", "FAQEmitters", "FAQModel", "FAQTestSupport"],
            exclude: ["Fixtures", "Golden"]),
        .testTarget(
            name: "FAQEmittersTests", dependencies: ["FAQEmitters", "FAQModel", "FAQTestSupport"],
            exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "faqexportTests", dependencies: ["FAQExport", "FAQReaders", "FAQEmitters", "FAQModel", "FAQTestSupport"]),
    ]
)
