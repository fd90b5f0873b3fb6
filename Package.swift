// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "onoma",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "OnomaKit", targets: ["OnomaKit"]),
        .executable(name: "onoma", targets: ["onoma"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        // ICU is linked through a system-library target (pkg-config `icu-i18n`) whose module map
        // exposes no ICU header to Swift; only the C shim below includes ICU. Foundation on Linux
        // carries its own ICU module, and seeing both in one Swift module does not compile.
        .systemLibrary(
            name: "CICUSystem",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        .target(
            name: "CICU",
            dependencies: ["CICUSystem"],
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "OnomaKit",
            dependencies: ["CICU", "CLibXML2", .product(name: "CSV", package: "CSV.swift")]
        ),
        .executableTarget(
            name: "onoma",
            dependencies: ["OnomaKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "onoma-bench",
            dependencies: ["OnomaKit"]
        ),
        .target(
            name: "OnomaTestSupport",
            dependencies: ["OnomaKit"],
            path: "Tests/OnomaTestSupport"
        ),
        .testTarget(
            name: "OnomaKitTests",
            dependencies: ["OnomaKit", "OnomaTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "onomaCLITests",
            dependencies: ["onoma", "OnomaTestSupport"],
            resources: [.copy("Golden")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
