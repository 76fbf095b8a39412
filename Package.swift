// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    // Release builds leave out the run-time checks of exclusive access (debug builds, and so the tests, keep them):
    // they cost about 2 % of a build's CPU time, and the code has no access that needs checking at run time.
    // See docs/performance.md.
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "kardes",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kardes", targets: ["kardes"]),
        .library(name: "KardesBuild", targets: ["KardesBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // The allocator of the kardes executable on Linux (see Sources/kardes/Allocator.swift); Debian ships no
        // pkg-config file for it.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // Digests of the files a build writes (see Sources/KardesOutput/ContentDigest.swift).
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash", providers: [.apt(["libxxhash-dev"]), .brew(["xxhash"])]),
        .target(name: "KardesModel", swiftSettings: strict),
        .target(name: "KardesMustache", swiftSettings: strict),

        .target(name: "KardesMaps", dependencies: ["KardesModel"], swiftSettings: strict),
        .target(name: "KardesMarkdown", dependencies: ["CCmark", "KardesModel"], swiftSettings: strict),
        .target(
            name: "KardesContent",
            dependencies: ["KardesModel", "KardesMarkdown", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        .target(name: "KardesLinking", dependencies: ["KardesModel", "KardesContent"], swiftSettings: strict),
        .executableTarget(name: "ThemeEmbedder", swiftSettings: strict),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(
            name: "KardesRendering",
            dependencies: [
                "KardesModel", "KardesContent", "KardesLinking", "KardesMaps", "KardesMustache",
            ],
            swiftSettings: strict,
            plugins: ["EmbedTheme"]),
        .target(name: "KardesCheck", dependencies: ["KardesModel", "KardesContent", "KardesLinking"], swiftSettings: strict),
        .target(name: "KardesScaffold", dependencies: ["KardesModel", "KardesContent"], swiftSettings: strict),
        .target(name: "KardesOutput", dependencies: ["CXXHash", "KardesModel", "KardesRendering"], swiftSettings: strict),
        .target(
            name: "KardesBuild",
            dependencies: ["KardesModel", "KardesContent", "KardesLinking", "KardesRendering", "KardesOutput", "KardesCheck"],
            swiftSettings: strict),
        .target(
            name: "KardesPreview", dependencies: ["KardesBuild", "KardesModel", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strict),
        .executableTarget(
            name: "kardes",
            dependencies: [
                "KardesBuild", "KardesScaffold", "KardesPreview", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
            ],
            swiftSettings: strict),
        .testTarget(name: "KardesModelTests", dependencies: ["KardesModel"], swiftSettings: strict),
        .testTarget(
            name: "KardesMustacheTests",
            dependencies: ["KardesMustache", .product(name: "Mustache", package: "swift-mustache")], exclude: ["Spec"],
            swiftSettings: strict),
        .testTarget(
            name: "KardesPreviewTests",
            dependencies: [
                "KardesPreview", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict),
        .testTarget(name: "KardesMapsTests", dependencies: ["KardesMaps"], swiftSettings: strict),
        .testTarget(name: "KardesMarkdownTests", dependencies: ["KardesMarkdown"], swiftSettings: strict),
        .testTarget(
            name: "KardesContentTests", dependencies: ["KardesContent", .product(name: "Yams", package: "Yams")], swiftSettings: strict),
        .testTarget(name: "KardesLinkingTests", dependencies: ["KardesLinking", "KardesContent"], swiftSettings: strict),
        .testTarget(
            name: "KardesRenderingTests",
            dependencies: [
                "KardesRendering", "KardesLinking", "KardesContent", "KardesMustache", .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict),
        .testTarget(name: "KardesCheckTests", dependencies: ["KardesCheck", "KardesContent", "KardesLinking"], swiftSettings: strict),
        .testTarget(name: "KardesScaffoldTests", dependencies: ["KardesScaffold", "KardesBuild"], swiftSettings: strict),
        .testTarget(name: "KardesOutputTests", dependencies: ["KardesOutput"], swiftSettings: strict),
        .testTarget(
            name: "KardesGoldenTests", dependencies: ["KardesBuild"], exclude: ["Fixtures"], swiftSettings: strict),
    ]
)
