// swift-tools-version: 6.0
import PackageDescription

/// digest links jemalloc on Linux (Debian `libjemalloc-dev`, which `make deps` and CI install):
/// a build makes and drops millions of strings, and glibc's allocator spends a sixth of a
/// clean build's CPU on them. Required rather than looked for: SwiftPM caches the manifest,
/// so a binary built once without jemalloc stayed without it, silently slower.
let jemalloc: [LinkerSetting] = [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "PaperDigest",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "digest", targets: ["digest"]),
        .library(name: "DigestCore", targets: ["DigestCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "DigestCore",
            dependencies: [
                "Ccmark",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Init/Starter"],
            plugins: ["EmbedFilesPlugin"]
        ),
        // The default theme and the starter site, compiled into the binary (see EmbedFilesPlugin).
        .plugin(name: "EmbedFilesPlugin", capability: .buildTool(), path: "Sources/EmbedFilesPlugin"),
        .target(
            name: "DigestServer",
            dependencies: [
                "DigestCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "digest",
            dependencies: [
                "DigestCore",
                "DigestServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: jemalloc
        ),
        .executableTarget(
            name: "digest-bench",
            dependencies: ["DigestCore"],
            linkerSettings: jemalloc
        ),
        // libFuzzer targets; built by Tests/Fuzz/run with the fuzzer sanitizer, which supplies main.
        .executableTarget(
            name: "digest-fuzz",
            dependencies: ["DigestCore"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .target(
            name: "DigestTestSupport",
            dependencies: ["DigestCore"],
            path: "Tests/DigestTestSupport"
        ),
        .testTarget(
            name: "DigestServerTests",
            dependencies: ["DigestServer", "DigestCore", "DigestTestSupport"]
        ),
        .testTarget(
            name: "DigestCoreTests",
            dependencies: ["DigestCore", "DigestTestSupport"],
            exclude: ["Fixtures", "Snapshots"]
        ),
    ]
)
