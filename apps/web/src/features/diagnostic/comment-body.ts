import { UpdateCommentRequest } from '@concerto/domain';

/** The shared rule for a comment's text (cleaned, 1 to 4,000 characters), as the server applies it. */
export const CommentBody = UpdateCommentRequest.options[1].shape.body;
