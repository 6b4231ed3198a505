import { CreateInvitationRequest, SpaceRole, type InvitationView } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateInvitation } from './invitations-api';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SelectField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';

const FIELDS = ['email', 'role'] as const;

export function InviteForm({ spaceId, onCreated }: { spaceId: string; onCreated: (invitation: InvitationView) => void }) {
  const { t } = useTranslation();
  const createInvitation = useCreateInvitation(spaceId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<SpaceRole>('contributeur');
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (createInvitation.isPending) return;
    clear();
    const checked = validate(t, CreateInvitationRequest, { email, role });
    if (!checked.ok) return showFieldErrors(checked.errors);
    createInvitation.mutate(checked.data, {
      onSuccess: (invitation) => {
        setEmail('');
        onCreated(invitation);
      },
      onError: showError,
    });
  };

  return (
    <section className="section">
      <h2>{t('invitations.title')}</h2>
      <form className="card form" ref={formRef} noValidate onSubmit={onSubmit}>
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField
          label={t('invitations.email')}
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors.email}
        />
        <SelectField
          label={t('invitations.role')}
          hint={t('members.rolesHelp')}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as SpaceRole)}
          options={vocabularyOptions(t, SpaceRole)}
          error={fieldErrors.role}
        />
        <div className="form__actions">
          <Button type="submit" busy={createInvitation.isPending}>
            {t('invitations.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
