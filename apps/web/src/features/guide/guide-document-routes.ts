// The guide's document loads as its own chunk, with the editor it holds (Tiptap, Yjs).
export { GuideDocumentPage } from './guide-document-page';
