// swift-tools-version: 6.0
// libFuzzer targets for Onoma. A separate package so that the root package's normal
// `swift build` / `swift test` never tries to link libFuzzer entry points.
//
// Build (Linux, Swift 6.x): see Fuzz/run.sh, which builds every target with
//   swift build -c release --package-path Fuzz --scratch-path Fuzz/.build-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// and runs each for a bounded time over its seed corpus in Fuzz/Corpus/<target>/.
import PackageDescription

let fuzzTargets = ["fuzz-glossary-loader", "fuzz-romanize", "fuzz-korean-parse", "fuzz-chinese-parse", "fuzz-normalize", "fuzz-interchange",
                   "fuzz-lookup", "fuzz-glossary-roundtrip"]

let package = Package(
    name: "onoma-fuzz",
    dependencies: [
        .package(name: "onoma", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzDriver", .product(name: "OnomaKit", package: "onoma")]
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "OnomaKit", package: "onoma")]
        )
    },
    swiftLanguageModes: [.v6]
)
