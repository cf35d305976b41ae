export { createItopModel, filterDependencies, labelIn, THIS_REF, type ItopModel, type ResolvedClass } from './model';
export { AttributeKind, AttributeModel, ClassModel, ClassModelPatch, EnumValue, Labels, ModelPatches } from './schema';
