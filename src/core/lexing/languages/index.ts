// The language specs of the shared lexer (see ../lexer.ts), one file each.
export { BASH, tokenizeBash } from './bash';
export { BICEP, tokenizeBicep, type BicepToken, type BicepTokenKind } from './bicep';
export { CSHARP, tokenizeCSharp, type CsToken, type CsTokenKind } from './csharp';
export { DART, tokenizeDart } from './dart';
export { GROOVY, tokenizeGroovy } from './groovy';
export { HCL, tokenizeHcl, type HclToken, type HclTokenKind } from './hcl';
export { JAVA, tokenizeJava } from './java';
export { JAVASCRIPT, tokenizeJavaScript } from './javascript';
export { KOTLIN, tokenizeKotlin } from './kotlin';
export { OBJECTIVE_C, tokenizeObjectiveC } from './objc';
export { POWERSHELL, tokenizePowerShell } from './powershell';
export { PYTHON, tokenizePython } from './python';
export { SWIFT, tokenizeSwift } from './swift';
