export { createItopModel, labelIn, type ItopModel, type ResolvedClass } from './model';
export { AttributeKind, AttributeModel, ClassModel, ClassModelPatch, EnumValue, Labels, ModelPatches } from './schema';
