// What every rule file reads: the Reader (LanguageExt) and the kernels.
global using LanguageExt;
global using Nabla.Core.Numerics;
