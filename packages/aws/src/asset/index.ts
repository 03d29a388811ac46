// aws.asset
export { FileArchive, AssetArchive, FileAsset, StringAsset, type Archive, type ArchiveEntry } from "./archive.js";
